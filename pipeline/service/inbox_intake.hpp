#pragma once
// Taking a complete entry out of an inbox into the store, so that it is
// consumed exactly once: recorded (state taking), moved into
// STORE/inputs/ID/, then marked taken. An entry identical to an accepted
// input goes to the inbox's error/ folder as a duplicate.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "pipeline/config/service_config.hpp"
#include "pipeline/store/job_records.hpp"

namespace kuvert::service {

struct Intake {
  std::int64_t input = 0;  // the taken input, or 0 when refused or left
  std::string refusal;     // why it went to error/; empty when left
};

// Takes the entry as `worker` (store/work_claims.hpp). An entry whose
// content another worker is taking at this moment (a host watching the same
// inbox) is left. Throws kuvert::Error (system) when the entry cannot be
// moved; it then stays in the inbox and is tried again.
Intake take_entry(store::Store& store, const Inbox& inbox, const std::string& name, std::int64_t now,
                  const std::string& worker);

// Moves a failed input from the store to its inbox's error/ folder, the
// reason beside it, and logs where it went.
void send_to_error_folder(store::Store& store, const Inbox& inbox, const store::InputRecord& input,
                          const std::string& reason, const std::function<void(const std::string&)>& log);

// Inputs a worker left in "taking" (it died, or stopped halfway), claimed by
// `worker` and finished (moved) or forgotten (still in the inbox, taken
// again later).
void recover_takings(store::Store& store, const ServiceConfig& config, std::int64_t now, const std::string& worker);

}  // namespace kuvert::service

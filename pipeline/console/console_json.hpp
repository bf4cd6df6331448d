#pragma once
// Store records as the console's JSON API shows them.
#include <nlohmann/json.hpp>

#include "pipeline/store/audit_trail.hpp"
#include "pipeline/store/job_records.hpp"

namespace kuvert::console {

nlohmann::json run_json(const store::RunRecord& run);
nlohmann::json job_json(const store::JobRecord& job);
// withheld: the detail is left out (and "withheld" set), for a role that may
// not read it.
nlohmann::json audit_json(const store::AuditRecord& record, bool withheld);

}  // namespace kuvert::console

#pragma once
// A scan batch in parts (pipeline/driver/scan_parts) on a store that
// several workers share: the worker holding the batch's input plans it and
// opens its parts (store/scan_part_records.hpp); every worker claims parts
// and reads and recognises each in a child process (production_process.hpp);
// the holder, once all are done, assembles the documents into the job's
// output, as one scan_batch would have written it. The plan and the parts
// lie beside the output (JOB.parts/plan, JOB.parts/part-0001, ...) on the
// file area the hosts share. A part whose worker dies is done again by
// another; one whose pages crash a library fails the batch.
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "pipeline/config/service_config.hpp"
#include "pipeline/service/job_processing.hpp"
#include "pipeline/store/job_records.hpp"

namespace kuvert::service {

// Whether a batch may be read in parts: the store is shared (PostgreSQL)
// and [store] scan_part_pages is not 0.
bool scans_in_parts(const ServiceConfig& config);

// What became of a batch produced in parts.
struct PartsOutcome {
  bool split = true;   // false: the batch has one part at most, and is for scan_batch alone
  std::string poison;  // a step or part that crashed or hit a limit: the batch fails with it
};

// Produces the batch of `input` (of scan inbox `inbox`) into job.output
// in parts, for `worker`, which holds the input. Throws kuvert::Error:
// input when the batch is refused, system to be tried again (the service
// stops, the disk, the store).
PartsOutcome produce_scan_in_parts(store::Store& store, const ServiceConfig& config, const Inbox& inbox,
                                   const store::InputRecord& input, const store::JobRecord& job, std::int64_t now,
                                   const std::atomic<bool>& stopping, const std::string& worker, const ServiceLog& log);

// Reads one open part of another worker's batch, if there is one, saying
// which to `doing` ("input 7 (post/stapel.pdf): part 3"); whether there was.
bool work_on_scan_part(store::Store& store, const ServiceConfig& config, std::int64_t now,
                       const std::atomic<bool>& stopping, const std::string& worker, const ServiceLog& log,
                       const std::function<void(const std::string&)>& doing);

// The parts of `input`'s batch (its rows and folders) go: it is
// assembled. Only while `worker` holds the input.
void discard_scan_parts(store::Store& store, const store::InputRecord& input, const std::string& worker);
// The folder of the parts of input `input`'s batch goes (its rows went
// when the batch failed).
void remove_scan_parts_folder(store::Store& store, std::int64_t input);

}  // namespace kuvert::service

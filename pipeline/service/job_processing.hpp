#pragma once
// Turning a taken input into a job: a job inbox's job folder goes through
// run_job, a scan inbox's files through scan_batch, into STORE/jobs/ID/
// (which appears complete or not at all). Runs then await release. A job
// that fails sends its input to the inbox's error/ folder with the reasons.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "pipeline/config/service_config.hpp"
#include "pipeline/store/job_records.hpp"

namespace kuvert::service {

// Where the service says what it did; the command line writes it to stderr.
using ServiceLog = std::function<void(const std::string&)>;
// Unix seconds; tests may set the time.
using Clock = std::function<std::int64_t()>;

// A print job's (or reprint's) own name and its runs as its output folder
// holds them: summary.json, the run tickets and the pieces of each R.csv.
// Throws kuvert::Error (system) when one does not read.
store::JobResult print_result(const std::filesystem::path& output);
// The day a print job's letters were made for (its summary.json), for its
// reprints. Throws kuvert::Error (system) when the summary does not read.
std::string production_date(const std::filesystem::path& output);

// Processes one taken input (or, after a crash, finishes the job that was
// processing it: an output folder already complete is registered, an
// incomplete one is redone from the input). The job is produced in a child
// process (production_process.hpp): an input that crashes it or reaches a
// limit fails at once and goes to error/ with the reason; `stopping` ends
// the child and leaves the input for the next start. Throws kuvert::Error
// (system) for failures worth another try. The job starts (and is produced
// for the date) at the clock's time when it is called, and finishes at its
// time when it is done. `worker` has claimed the input
// (store/work_claims.hpp); its outcome is recorded only while it holds it.
void process_input(store::Store& store, const ServiceConfig& config, const store::InputRecord& input,
                   const Clock& clock, const ServiceLog& log, const std::atomic<bool>& stopping,
                   const std::string& worker);

// Gives up on an input whose processing keeps failing for reasons that are
// not its own (the disk, the store, a bug): its job fails with `reason` and
// the input goes to the inbox's error/ folder.
void abandon_input(store::Store& store, const ServiceConfig& config, const store::InputRecord& input,
                   const std::string& reason, std::int64_t now, const ServiceLog& log, const std::string& worker);

// After a crash: inputs whose job failed but which had not yet gone to
// their inbox's error/ folder go there now, with the job's reasons.
// Those a live worker other than `worker` failed are its to move.
void recover_failed_inputs(store::Store& store, const ServiceConfig& config, const ServiceLog& log,
                           const std::string& worker);

}  // namespace kuvert::service

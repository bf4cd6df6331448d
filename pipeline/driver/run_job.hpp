#pragma once

#include "pipeline/driver/reporter.hpp"
#include "pipeline/driver/run_request.hpp"
#include "pipeline/model/job_summary.hpp"

namespace kuvert {

// `kuvert run`: reads and validates the job, plans its mail pieces and runs,
// imposes and writes them into request.output, which appears complete or
// not at all. Returns the job summary (also written as summary.json).
// Throws kuvert::Error; nothing is left behind then.
JobSummary run_job(const RunRequest& request, Reporter& reporter);

}  // namespace kuvert

#pragma once
// Reprint runs (issue 15): once a run is reconciled, the documents of its
// damaged and missing pieces (and of pieces seen twice that a supervisor
// left so) are produced again from the job's input, in a child process as
// any job, with the job's production date (so the letters are the same)
// and new piece ids in runs N0001, N0002, ... of the job. They await
// release at the parent's printer; their tickets name the parent run and
// the pieces they replace.
#include <atomic>
#include <cstdint>
#include <string>

#include "pipeline/config/service_config.hpp"
#include "pipeline/service/job_processing.hpp"
#include "pipeline/store/job_records.hpp"

namespace kuvert::service {

// Makes the reprint of one run due for it (runs_due_for_reprint): into
// JOBOUTPUT/reprint-RUN/, then recorded. A reprint that cannot be made (the
// input gone by retention, the child refused or crashed) is recorded as the
// run's reprint problem and not tried again. Throws kuvert::Error (system)
// for failures worth another try. A crash between production and record is
// finished by the next call (the complete output is recorded).
void make_reprint(store::Store& store, const ServiceConfig& config, const store::RunRecord& run, const Clock& clock,
                  const ServiceLog& log, const std::atomic<bool>& stopping);

}  // namespace kuvert::service

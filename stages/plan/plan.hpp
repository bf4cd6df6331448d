#pragma once
// Planning: a validated job becomes print runs. Pure: no files, no clock;
// safe to call concurrently for different jobs.
#include <cstddef>
#include <vector>

#include "pipeline/model/job.hpp"
#include "pipeline/model/print_run.hpp"
#include "pipeline/model/profile_catalog.hpp"

namespace kuvert {

struct PlanOptions {
  std::size_t max_sheets = 2000;  // per run; a larger single piece still forms one run
  // Runs are named LETTER0001, ... from `first_run`: R for a job's runs,
  // N for its reprints (which continue the job's numbering of them).
  char run_letter = 'R';
  std::size_t first_run = 1;
};

// Consolidates the job's documents into mail pieces (consolidate.hpp),
// makes each (pieces.hpp: sheets, weight, envelope, postage), and groups,
// presorts, splits and numbers them into runs (runs.hpp). The pieces of a
// run are made again in full when it is written (run_pieces()). The job's
// profile names must have been validated against `catalog`; a failed
// look-up throws Error(ErrorKind::internal) naming the job and the
// document's place in it.
std::vector<PrintRun> plan_runs(const Job& job, const ProfileCatalog& catalog, const PlanOptions& options = {});

}  // namespace kuvert

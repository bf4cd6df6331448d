#pragma once
#include <filesystem>
#include <optional>
#include <vector>

#include "pipeline/driver/output_folder.hpp"
#include "pipeline/driver/reporter.hpp"
#include "pipeline/model/job.hpp"
#include "pipeline/model/print_run.hpp"
#include "pipeline/model/profile_catalog.hpp"
#include "pipeline/model/reprint_order.hpp"
#include "pipeline/model/run_ticket.hpp"
#include "stages/ingest/source_files.hpp"

namespace kuvert {

// Eight hex digits that set one production of `job` (its client, name and
// `created`) apart from every other on the same inserter: run and piece
// ids restart in every job.
std::string job_key(const Job& job, const std::string& created);

struct ImpositionOptions {
  unsigned tokens = 16;                 // pieces in flight: bounds memory
  std::string created;                  // timestamp for tickets and PDF info
  std::string job_key;                  // in every 2D code and ticket: sets this job's pieces apart from other jobs'
  std::optional<ReprintOrder> reprint;  // a reprint's: what its runs replace
};

// Imposes the planned runs, taking pages from `sources` (the job's PDFs as
// read_job opened them), and writes R.pdf, R.json and R.csv for each into
// `folder`, streaming a few dozen sheets at a time through a tbb::parallel_pipeline:
// a serial reader copies source pages, parallel workers add sheets and
// control marks, a serial writer appends to the run file. Returns the
// tickets in run order. Throws kuvert::Error; the caller discards the folder.
std::vector<RunTicket> impose_runs(const Job& job, const std::vector<PrintRun>& runs, const ProfileCatalog& profiles,
                                   SourceFiles& sources, const OutputFolder& folder, const ImpositionOptions& options,
                                   Reporter& reporter);

}  // namespace kuvert

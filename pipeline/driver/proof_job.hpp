#pragma once
// `kuvert proof`: the first records of a data job (or the first documents
// of a print-file job) composed, planned and imposed exactly as `kuvert
// run` would, into one PDF for layout sign-off: every page under the zones
// a printer and an inserter check (driver/proof_file.hpp), and a page
// saying why for every record of them the run would refuse. Nothing else
// is written: the runs are made in a hidden working folder beside the
// proof, which goes when the proof is in place.
#include <cstddef>
#include <cstdint>
#include <filesystem>

#include "pipeline/driver/reporter.hpp"
#include "pipeline/driver/run_request.hpp"

namespace kuvert {

struct ProofRequest {
  RunRequest run;              // its job, layouts, fonts, threads, dates; its output is not used
  std::filesystem::path file;  // the proof; must not exist
  std::size_t records = 10;    // records or documents from the first
};

// Fills in what the request leaves open, as complete(RunRequest&) does;
// the proof's file is out/JOBFOLDER-proof.pdf unless named.
void complete(ProofRequest& request, std::int64_t now);

struct ProofSummary {
  std::size_t letters = 0;  // documents in the proof
  std::size_t refused = 0;  // records shown with their reasons
  std::uint32_t pages = 0;
};

// Throws kuvert::Error: usage for a bad request, input for a job that
// cannot be read or a layout that does not load (a record that cannot be
// set is not an error but a page of the proof).
ProofSummary proof_job(const ProofRequest& request, Reporter& reporter);

}  // namespace kuvert

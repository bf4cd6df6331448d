#pragma once
#include <string>

#include "pipeline/model/job.hpp"
#include "pipeline/model/print_run.hpp"

namespace kuvert {

// R.csv: one row per mail piece, in sequence, with the sheets it occupies
// in R.pdf, so that every piece can be traced to its pages and recipient.
// Pieces go by the id their 2D code carries (coded_piece_id, `job_key`
// first).
std::string piece_manifest_csv(const Job& job, const PrintRun& run, const RunContents& contents,
                               const std::string& job_key);

}  // namespace kuvert

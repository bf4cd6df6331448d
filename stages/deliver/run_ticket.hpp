#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "pipeline/model/job.hpp"
#include "pipeline/model/print_run.hpp"
#include "pipeline/model/profile_catalog.hpp"
#include "pipeline/pdf/pdf_file_writer.hpp"

namespace kuvert {

// R.json: what the print operator and the post need to know about a run
// (DESIGN.md, outputs of a run). `created` is an ISO 8601 timestamp;
// `job_key` is the prefix of the piece ids in the run's 2D codes.
nlohmann::json run_ticket(const Job& job, const PrintRun& run, const RunContents& contents, const ProfileCatalog& profiles,
                          const PdfFileResult& file, const std::string& created, const std::string& job_key);

// summary.json: the job and its runs, from their tickets.
nlohmann::json job_summary(const Job& job, const std::vector<nlohmann::json>& tickets, const std::string& created);

}  // namespace kuvert

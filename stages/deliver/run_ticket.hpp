#pragma once
#include <string>
#include <vector>

#include "pipeline/model/job.hpp"
#include "pipeline/model/job_summary.hpp"
#include "pipeline/model/print_run.hpp"
#include "pipeline/model/profile_catalog.hpp"
#include "pipeline/model/run_ticket.hpp"
#include "pipeline/pdf/pdf_file_writer.hpp"

namespace kuvert {

// R.json: what the print operator and the post need to know about a run
// (DESIGN.md, outputs of a run). `created` is an ISO 8601 timestamp;
// `job_key` is the prefix of the piece ids in the run's 2D codes.
RunTicket run_ticket(const Job& job, const PrintRun& run, const RunContents& contents, const ProfileCatalog& profiles,
                          const PdfFileResult& file, const std::string& created, const std::string& job_key);

// summary.json: the job and its runs, from their tickets.
JobSummary job_summary(const Job& job, const std::vector<RunTicket>& tickets, const std::string& created);

}  // namespace kuvert

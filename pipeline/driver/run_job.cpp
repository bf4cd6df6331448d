#include "pipeline/driver/run_job.hpp"

#include <malloc.h>

#include <optional>

#include "pipeline/driver/compose_job.hpp"
#include "pipeline/driver/job_production.hpp"
#include "pipeline/driver/output_folder.hpp"
#include "pipeline/driver/reprint_selection.hpp"
#include "pipeline/driver/run_imposition.hpp"
#include "pipeline/driver/split_job.hpp"
#include "pipeline/driver/window_check.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/pdf/source_pdf.hpp"
#include "stages/deliver/rejected_records.hpp"
#include "stages/deliver/run_ticket.hpp"
#include "stages/ingest/job_reader.hpp"
#include "stages/plan/plan.hpp"

namespace kuvert {
namespace {

// Reading a large manifest and planning leave many small freed blocks
// between the ones kept; glibc keeps them mapped unless asked, and they
// would count in the peak memory of the phases after.
void release_freed_memory() { malloc_trim(0); }

constexpr const char* kExceptionsFile = "exceptions.csv";

}  // namespace

JobSummary run_job(const RunRequest& request, Reporter& reporter) {
  validate(request);
  OutputFolder::refuse_existing(request.output);
  // A print file without an index is split first, its job folder kept
  // with the runs made of it.
  std::optional<OutputFolder> split_output;
  RunRequest job_request = request;
  if (!request.split.empty()) {
    reporter.stage("splitting the print file");
    split_output.emplace(request.output);
    split_into(
        {request.job, request.split, request.output, request.layouts, {}, {}, request.threads, request.production_date},
        *split_output, "split");
    job_request.job = split_output->path() / "split";
  }

  JobProduction production(job_request, reporter);
  const auto& profiles = production.profiles;
  const unsigned threads = production.threads;
  SourceFiles& sources = production.sources;
  auto& input = production.input;
  std::optional<OutputFolder> own_output;
  if (!split_output) own_output.emplace(request.output);
  OutputFolder& folder = split_output ? *split_output : *own_output;
  std::optional<ComposedJob> composed;
  // The composed letters are personal data that no killed run may leave
  // behind: their spool has no name.
  std::optional<UnnamedFile> spool;
  std::optional<ReprintOrder> reprint;
  if (!request.reprint.empty()) reprint = read_reprint_order(request.reprint);
  if (auto* data = std::get_if<DataJob>(&input)) {
    if (reprint) data->only_documents = reprinted_documents(*reprint);
    spool.emplace(folder.path());
    reporter.stage("composing the letters");
    composed = compose_data_job(*data, request, profiles, spool->path(), 4 * threads);
    sources.add(composed->job.files.front(), "the composed letters");
  }
  Job job = composed ? std::move(composed->job) : std::get<Job>(std::move(input));
  PlanOptions plan{.max_sheets = request.max_sheets};
  if (reprint) {
    keep_reprinted_documents(job, *reprint);
    plan.run_letter = kReprintRunLetter;
    plan.first_run = reprint->first_run;
  }
  release_freed_memory();
  reporter.stage("planning the mail pieces");
  const auto runs = plan_runs(job, profiles, plan);
  check_address_windows(job, runs, profiles, sources, composed ? composed->form : job.form,
                        composed ? &composed->window : nullptr);
  job.recipients = std::vector<RecipientKey>();  // planning's alone; a move frees it, `= {}` would not
  release_freed_memory();

  ImpositionOptions options{.tokens = 4 * threads,
                            .created = request.created,
                            .job_key = request.job_key.empty() ? job_key(job, request.created) : request.job_key,
                            .reprint = reprint};
  reporter.stage("imposing and writing the runs");
  const auto tickets = impose_runs(job, runs, profiles, sources, folder, options, reporter);
  auto summary = job_summary(job, tickets, request.created);
  summary.production_date = request.production_date;
  if (composed) {
    summary.rejected_records = composed->rejected_records;
    if (composed->rejected_records > 0) {
      folder.write_file(kExceptionsFile, rejected_records_csv(composed->rejected));
      summary.exceptions = kExceptionsFile;
    }
  }
  folder.write_file("summary.json", nlohmann::json(summary).dump(2) + "\n");
  folder.commit();
  return summary;
}

}  // namespace kuvert

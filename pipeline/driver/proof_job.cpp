#include "pipeline/driver/proof_job.hpp"

#include <optional>

#include "pipeline/driver/compose_job.hpp"
#include "pipeline/driver/job_production.hpp"
#include "pipeline/driver/output_folder.hpp"
#include "pipeline/driver/proof_file.hpp"
#include "pipeline/driver/run_imposition.hpp"
#include "pipeline/driver/window_check.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/profiles/load_fonts.hpp"
#include "stages/ingest/job_reader.hpp"
#include "stages/plan/pieces.hpp"
#include "stages/plan/plan.hpp"

namespace kuvert {
namespace {

namespace fs = std::filesystem;

constexpr const char* kProofName = "proof.pdf";

// The problems of refused records, a list per record, in record order (a
// problem of the records file itself is a "record" of its own).
std::vector<std::vector<Diagnostic>> by_record(const std::vector<Diagnostic>& problems) {
  std::vector<std::vector<Diagnostic>> records;
  for (const auto& problem : problems) {
    if (records.empty() || records.back().front().where.record != problem.where.record) records.emplace_back();
    records.back().push_back(problem);
  }
  return records;
}

// A data job's first records composed; those that cannot be, as reasons.
struct ComposedSample {
  Job job;
  LetterForm form = LetterForm::b;
  std::vector<std::vector<Diagnostic>> refused;
};

ComposedSample compose_sample(const DataJob& data, const ProofRequest& request, const ProfileCatalog& profiles,
                              const fs::path& spool, unsigned tokens) {
  DataJob sample = data;
  sample.skip_bad_records = true;
  sample.record_limit = request.records;
  ComposedSample result;
  result.job.name = data.name;
  try {
    ComposedJob composed = compose_data_job(sample, request.run, profiles, spool, tokens);
    result.job = std::move(composed.job);
    result.form = composed.form;
    result.refused = by_record(composed.rejected);
  } catch (const Error& error) {
    // Every record refused is a proof of reasons; a layout that does not
    // load is no proof at all.
    const auto& problems = error.problems();
    const bool records_only = std::all_of(problems.begin(), problems.end(),
                                          [](const Diagnostic& problem) { return !problem.where.record.empty(); });
    if (error.kind() != ErrorKind::input || !records_only) throw;
    result.refused = by_record(problems);
  }
  return result;
}

// Every page of `run`'s file under its zones: the window's on the first
// page of each piece.
void add_run(ProofFile& proof, const Job& job, const PrintRun& run, std::uint32_t run_index, const fs::path& file,
             const ProfileCatalog& profiles, LetterForm form) {
  SourcePdf pages(file, file.filename().string());
  const InserterProfile* inserter = run.settings.manual ? nullptr : &profiles.inserters.at(run.settings.inserter);
  const bool duplex = run.settings.sides == Sides::duplex;
  std::uint32_t page = 0;
  for (const MailPiece& piece : run_pieces(job, run, profiles)) {
    const EnvelopeProfile* envelope = &profiles.envelopes.at(piece.envelope);
    for (std::size_t sheet = 0; sheet < piece.sheet_count; ++sheet) {
      proof.add_page(pages, run_index, page++, proof_zones({form, envelope, inserter, false, sheet == 0}));
      if (duplex) proof.add_page(pages, run_index, page++, proof_zones({form, envelope, inserter, true, false}));
    }
  }
}

}  // namespace

void complete(ProofRequest& request, std::int64_t now) {
  if (request.file.empty()) request.file = fs::path("out") / (job_folder_name(request.run.job) + "-proof.pdf");
  request.run.output = request.file;
  complete(request.run, now);
}

ProofSummary proof_job(const ProofRequest& request, Reporter& reporter) {
  RunRequest run = request.run;
  run.output = request.file;
  validate(run);
  if (request.records == 0) throw Error(ErrorKind::usage, Where{.field = "records"}, "must be at least 1");
  const fs::path target = fs::absolute(request.file).lexically_normal();
  std::error_code exists_error;
  if (fs::exists(target, exists_error))
    throw_input(Where{.file = target.string()}, "exists already; kuvert never overwrites output");

  JobProduction production(run, reporter);
  const auto& profiles = production.profiles;
  const unsigned threads = production.threads;
  SourceFiles& sources = production.sources;
  auto& input = production.input;
  // Runs and proof are made here, and only the proof leaves.
  std::string hidden = ".";
  hidden += target.filename().string();
  hidden += ".runs";
  OutputFolder work(target.parent_path() / hidden);
  std::optional<UnnamedFile> spool;
  ComposedSample sample;
  if (const auto* data = std::get_if<DataJob>(&input)) {
    spool.emplace(work.path());
    reporter.stage("composing the letters");
    sample = compose_sample(*data, request, profiles, spool->path(), 4 * threads);
    if (!sample.job.files.empty()) sources.add(sample.job.files.front(), "the composed letters");
  } else {
    sample.job = std::get<Job>(std::move(input));
    sample.form = sample.job.form;
    if (sample.job.documents.size() > request.records) {
      sample.job.documents.resize(request.records);
      sample.job.recipients.resize(request.records);
    }
  }
  const Job& job = sample.job;
  std::vector<PrintRun> runs;
  if (!job.documents.empty()) {
    reporter.stage("planning the mail pieces");
    runs = plan_runs(job, profiles, PlanOptions{run.max_sheets});
    if (!std::holds_alternative<DataJob>(input)) check_address_windows(job, runs, profiles, sources, sample.form);
    reporter.stage("imposing and writing the runs");
    impose_runs(
        job, runs, profiles, sources, work,
        ImpositionOptions{4 * threads, run.created, run.job_key.empty() ? job_key(job, run.created) : run.job_key},
        reporter);
  }

  reporter.stage("writing the proof");
  const FontCatalog fonts = load_fonts(run.fonts);
  const compose::FontSet font_set(fonts, {"sans"});
  ProofFile proof(work.path() / kProofName, font_set, "Proof of " + job.name, run.created);
  for (const auto& problems : sample.refused) proof.add_refusal(problems);
  for (std::uint32_t r = 0; r < runs.size(); ++r)
    add_run(proof, job, runs[r], r, work.path() / (runs[r].id + ".pdf"), profiles, sample.form);
  ProofSummary summary{job.documents.size(), sample.refused.size(), proof.pages()};
  proof.finish();
  work.publish(kProofName, target);
  return summary;
}

}  // namespace kuvert

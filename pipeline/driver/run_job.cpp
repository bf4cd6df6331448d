#include "pipeline/driver/run_job.hpp"

#include <malloc.h>
#include <tbb/global_control.h>
#include <tbb/info.h>

#include <cctype>
#include <optional>

#include "pipeline/driver/compose_job.hpp"
#include "pipeline/driver/run_writing.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/plan/plan.hpp"
#include "pipeline/profiles/load_fonts.hpp"
#include "pipeline/profiles/load_letters.hpp"
#include "pipeline/profiles/load_profiles.hpp"
#include "stages/deliver/exceptions_list.hpp"
#include "stages/deliver/output_folder.hpp"
#include "stages/deliver/run_ticket.hpp"
#include "stages/deliver/sha256.hpp"
#include "stages/ingest/job_reader.hpp"
#include "stages/ingest/spool_file.hpp"

namespace kuvert {
namespace {

// Reading a large manifest and planning leave many small freed blocks
// between the ones kept; glibc keeps them mapped unless asked, and they
// would count in the peak memory of the phases after.
void release_freed_memory() { malloc_trim(0); }

// Eight hex digits that set this production of the job apart from every
// other on the same inserter: run and piece ids restart in every job.
std::string job_key(const Job& job, const RunRequest& request) {
  Sha256 hash;
  hash.update(job.client + "\n" + job.name + "\n" + request.created);
  std::string key = hash.hex().substr(0, 8);
  for (auto& c : key) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return key;
}

constexpr const char* kExceptionsFile = "exceptions.csv";

// A PNG logo becomes an image with a soft mask, a PDF logo's first page a
// form.
ClientLogo client_logo(const std::filesystem::path& path) {
  if (path.extension() == ".png") {
    auto image = std::make_shared<const compose::LogoImage>(compose::read_png(path));
    return {compose::shape_of(*image), [image](ObjectNumbering& numbering) {
              const std::uint32_t xobject = numbering.allocate();
              return compose::logo_objects(*image, xobject, numbering.allocate());
            }};
  }
  auto file = std::make_shared<SpoolFile>(path, path.filename().string());
  const PageGeometry box = file->geometry(0);
  return {compose::LogoShape{box.urx - box.llx, box.ury - box.lly, false, box.llx, box.lly},
          [file](ObjectNumbering& numbering) { return file->copy_page_as_form(0, 0, numbering).objects; }};
}

// Composes a data job's letters into a spool in the output's working
// folder, with the layout, client and fonts its manifest names.
// `load()`, its input problems told as the job's: a layout or font that
// does not load fails this job.
template <typename Load>
auto for_job(const std::string& job, Load load) {
  try {
    return load();
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::input) throw;
    auto problems = error.problems();
    for (auto& problem : problems)
      if (problem.where.job.empty()) problem.where.job = job;
    throw Error(ErrorKind::input, std::move(problems));
  }
}

ComposedJob compose_data_job(const DataJob& data, const RunRequest& request, const ProfileCatalog& profiles,
                             const UnnamedFile& spool, unsigned tokens) {
  const FontCatalog fonts = for_job(data.name, [&] { return load_fonts(request.fonts); });
  const LetterLayout layout = for_job(data.name, [&] { return load_letter_layout(request.layouts, data.layout, fonts); });
  const auto clients = for_job(data.name, [&] { return load_clients(request.layouts); });
  const auto client = clients.find(data.client);
  if (client == clients.end()) {
    Where where;
    where.job = data.name;
    where.file = data.manifest.filename().string();
    where.field = "client";
    throw_input(where, "\"" + data.client + "\" is no client of layouts/clients.toml, whose letterhead the letters need");
  }
  const compose::FontSet font_set(fonts, {layout.font, layout.bold_font});
  std::optional<ClientLogo> logo;
  if (!client->second.logo.empty()) logo = client_logo(client->second.logo);
  return compose_job(data, layout, client->second, font_set, logo ? &*logo : nullptr,
                     profiles.inserters.at(data.defaults.inserter), spool.path(), tokens);
}

}  // namespace

nlohmann::json run_job(const RunRequest& request, Reporter& reporter) {
  validate(request);
  OutputFolder::refuse_existing(request.output);

  const auto profiles = load_profiles(request.layouts, request.production_date);
  const unsigned threads = request.threads ? request.threads : static_cast<unsigned>(tbb::info::default_concurrency());
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism, threads);
  SourceFiles sources;
  reporter.stage("reading the job and its files");
  auto input = read_job(request.job, profiles, sources);
  OutputFolder folder(request.output);
  std::optional<ComposedJob> composed;
  // The composed letters are personal data that no killed run may leave
  // behind: their spool has no name.
  std::optional<UnnamedFile> spool;
  if (const auto* data = std::get_if<DataJob>(&input)) {
    spool.emplace(folder.path());
    reporter.stage("composing the letters");
    composed = compose_data_job(*data, request, profiles, *spool, 4 * threads);
    sources.add(composed->job.files.front(), "the composed letters");
  }
  Job job = composed ? std::move(composed->job) : std::get<Job>(std::move(input));
  release_freed_memory();
  reporter.stage("planning the mail pieces");
  const auto runs = plan_runs(job, profiles, PlanOptions{request.max_sheets});
  job.recipients = std::vector<RecipientKey>();  // planning's alone; a move frees it, `= {}` would not
  release_freed_memory();

  RunWritingOptions options{.tokens = 4 * threads, .created = request.created, .job_key = job_key(job, request)};
  reporter.stage("imposing and writing the runs");
  const auto tickets = write_runs(job, runs, profiles, sources, folder, options, reporter);
  auto summary = job_summary(job, tickets, request.created);
  if (composed) {
    summary["rejected_records"] = composed->rejected_records;
    if (composed->rejected_records > 0) {
      folder.write_file(kExceptionsFile, exceptions_csv(composed->rejected));
      summary["exceptions"] = kExceptionsFile;
    }
  }
  folder.write_file("summary.json", summary.dump(2) + "\n");
  folder.commit();
  return summary;
}

}  // namespace kuvert

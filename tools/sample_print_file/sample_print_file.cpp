#include "tools/sample_print_file/sample_print_file.hpp"

#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <variant>

#include "pipeline/driver/compose_job.hpp"
#include "pipeline/driver/job_production.hpp"
#include "pipeline/driver/output_folder.hpp"
#include "pipeline/driver/reporter.hpp"
#include "pipeline/model/recipient.hpp"
#include "stages/ingest/document_entries.hpp"

namespace kuvert {
namespace {

namespace fs = std::filesystem;

class Quiet : public Reporter {
 public:
  void progress(std::size_t, std::size_t) override {}
};

}  // namespace

std::size_t write_sample_print_file(const fs::path& folder, const SamplePrintFileOptions& options) {
  OutputFolder::refuse_existing(folder);
  OutputFolder output(folder);
  // The data job in a folder of its own inside, composed, then let go.
  const fs::path data = output.path() / "records";
  write_sample_records(data, options.records);
  RunRequest request;
  request.job = data;
  request.layouts = options.layouts;
  request.fonts = options.fonts;
  request.deterministic = true;
  complete(request, std::time(nullptr));
  Quiet quiet;
  JobProduction production(request, quiet);
  const auto* records = std::get_if<DataJob>(&production.input);
  if (!records) throw Error(ErrorKind::internal, Where{.file = data.string()}, "is no data job");
  const fs::path print_file = output.path() / options.file;
  const ComposedJob composed =
      compose_data_job(*records, request, production.profiles, print_file, 4 * production.threads);

  // The index: each letter's pages in the file, its id and recipient as
  // its record gives them, and what the layout says of all letters.
  nlohmann::json documents = nlohmann::json::array();
  DocumentEntries entries(composed.job);
  for (std::uint32_t i = 0; i < composed.job.documents.size(); ++i) {
    const Document& document = composed.job.documents[i];
    const DocumentIdentity identity = entries.identity(i);
    documents.push_back({{"id", identity.id},
                         {"pages", std::to_string(document.first_page + 1) + "-" +
                                       std::to_string(document.first_page + document.page_count)},
                         {"recipient", recipient_json(identity.recipient)}});
  }
  nlohmann::json manifest = nlohmann::json::parse(std::ifstream(data / "job.json"));
  manifest.erase("layout");
  manifest.erase("records");
  manifest["print_file"] = options.file;
  manifest["form"] = composed.form == LetterForm::a ? "A" : "B";
  if (!composed.job.settings.empty() && composed.job.settings.front().sensitive)
    manifest["defaults"]["sensitive"] = true;
  manifest["documents"] = std::move(documents);
  fs::remove_all(data);
  output.write_file("job.json", manifest.dump(2) + "\n");
  output.commit();
  return composed.job.documents.size();
}

}  // namespace kuvert

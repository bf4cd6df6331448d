#include "pipeline/driver/scan_batch.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_pipeline.h>

#include <memory>

#include "pipeline/driver/output_folder.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/profiles/load_scan_profile.hpp"
#include "stages/scan/page_processing.hpp"
#include "stages/scan/scan_document_writer.hpp"
#include "stages/scan/scan_page_reader.hpp"

namespace kuvert {

ScanSummary scan_batch(const ScanRequest& request) {
  validate(request);
  OutputFolder::refuse_existing(request.output);
  const std::string& batch = request.name;
  const ScanProfile profile = load_scan_profile(request.layouts, request.profile);
  const auto files = scan_input_files(request.inputs);
  scan::start_image_reading(request.layouts / "scan");
  const unsigned threads = request.threads ? request.threads : static_cast<unsigned>(tbb::info::default_concurrency());
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism, threads);

  OutputFolder folder(request.output);
  ScanPageReader reader(files, ResolutionRange{profile.name, profile.min_dpi, profile.max_dpi});
  ScanDocumentWriter writer(
      folder.path(), [&folder](const std::string& name, const std::string& bytes) { folder.write_file(name, bytes); },
      profile, batch, request.created);
  tbb::enumerable_thread_specific<std::unique_ptr<PageWorker>> workers;
  using Item = std::shared_ptr<BatchPage>;
  using Done = std::shared_ptr<ProcessedPage>;
  tbb::parallel_pipeline(
      2 * threads,
      tbb::make_filter<void, Item>(tbb::filter_mode::serial_in_order, [&reader](tbb::flow_control& control) -> Item {
        auto page = reader.next();
        if (!page) {
          control.stop();
          return nullptr;
        }
        return std::make_shared<BatchPage>(std::move(*page));
      }) & tbb::make_filter<Item, Done>(tbb::filter_mode::parallel, [&](Item item) {
        auto& worker = workers.local();
        if (!worker) worker = std::make_unique<PageWorker>(profile.languages);
        return std::make_shared<ProcessedPage>(process_page(std::move(*item), profile, *worker));
      }) & tbb::make_filter<Done, void>(tbb::filter_mode::serial_in_order, [&writer](Done page) {
        writer.add(std::move(*page));
      }));
  writer.finish();

  ScanSummary summary{.batch = batch,
                      .profile = profile.name,
                      .created = request.created,
                      .separator_sheets = writer.separator_sheets(),
                      .blank_pages_dropped = writer.blank_pages_dropped(),
                      .documents = writer.documents()};
  for (const auto& [file, count] : reader.files_read()) {
    summary.files.push_back({file, count});
    summary.pages += count;
  }
  for (const auto& file : reader.rejected()) summary.rejected.push_back({file.file, file.reason});
  // File names from Windows shares may be Latin-1.
  folder.write_file("summary.json",
                    nlohmann::json(summary).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  folder.commit();
  return summary;
}

}  // namespace kuvert

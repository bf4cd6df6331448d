#include "pipeline/driver/scan_batch.hpp"

#include "pipeline/driver/output_folder.hpp"
#include "pipeline/driver/page_pipeline.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/profiles/load_scan_profile.hpp"
#include "stages/scan/scan_page_reader.hpp"

namespace kuvert {

ScanSummary finish_scan_batch(OutputFolder& folder, ScanDocumentWriter& writer, const BatchTally& tally,
                              const std::string& batch, const std::string& profile, const std::string& created) {
  writer.finish();
  ScanSummary summary{.batch = batch,
                      .profile = profile,
                      .created = created,
                      .separator_sheets = writer.separator_sheets(),
                      .blank_pages_dropped = writer.blank_pages_dropped(),
                      .documents = writer.documents()};
  for (const auto& [file, count] : tally.files_read()) {
    summary.files.push_back({file, count});
    summary.pages += count;
  }
  for (const auto& file : tally.rejected()) summary.rejected.push_back({file.file, file.reason});
  // File names from Windows shares may be Latin-1.
  folder.write_file("summary.json",
                    nlohmann::json(summary).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  folder.commit();
  return summary;
}

ScanDocumentWriter document_writer(OutputFolder& folder, const ScanProfile& profile, const std::string& batch,
                                   const std::string& created) {
  return ScanDocumentWriter(
      folder.path(), [&folder](const std::string& name, const std::string& bytes) { folder.write_file(name, bytes); },
      profile, batch, created);
}

ScanSummary scan_batch(const ScanRequest& request) {
  validate(request);
  OutputFolder::refuse_existing(request.output);
  const ScanProfile profile = load_scan_profile(request.layouts, request.profile);
  const auto files = scan_input_files(request.inputs);
  scan::start_image_reading(request.layouts / "scan");

  OutputFolder folder(request.output);
  ScanPageReader reader(files, ResolutionRange{profile.name, profile.min_dpi, profile.max_dpi});
  ScanDocumentWriter writer = document_writer(folder, profile, request.name, request.created);
  run_page_pipeline<BatchPage, ProcessedPage>(
      request.threads, profile, [&reader] { return reader.next(); },
      [&profile](BatchPage&& page, PageWorker& worker) { return process_page(std::move(page), profile, worker); },
      [&writer](ProcessedPage&& page) { writer.add(std::move(page)); });
  return finish_scan_batch(folder, writer, reader.tally(), request.name, profile.name, request.created);
}

}  // namespace kuvert

#include "pipeline/driver/scan_batch.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_pipeline.h>

#include <memory>

#include "pipeline/driver/scan_document_writer.hpp"
#include "stages/scan/scan_page_reader.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/profiles/load_scan_profile.hpp"
#include "stages/deliver/output_folder.hpp"
#include "stages/scan/ocr_engine.hpp"
#include "stages/scan/orientation_detector.hpp"
#include "stages/scan/page_cleanup.hpp"
#include "stages/scan/separator_code.hpp"
#include "stages/scan/upright_reading.hpp"

namespace kuvert {
namespace {

// What each worker thread keeps: Tesseract engines are not thread-safe.
struct ScanWorker {
  explicit ScanWorker(const std::string& languages) : ocr(languages) {}
  scan::OcrEngine ocr;
  scan::OrientationDetector orientation;
};

const char* tone_name(scan::Tone tone) {
  switch (tone) {
    case scan::Tone::bitonal:
      return "bitonal";
    case scan::Tone::grey:
      return "grey";
    case scan::Tone::colour:
      return "colour";
  }
  return "grey";
}

ProcessedPage process(BatchPage&& input, const ScanProfile& profile, ScanWorker& worker) {
  scan::ScannedPage& scanned = input.scanned;
  ProcessedPage page;
  page.record.source = std::move(input.source);
  page.record.page = scanned.number;
  page.record.batch_page = input.batch_page;
  page.record.tone = tone_name(scanned.tone);
  scan::CleanupOptions options;
  options.deskew = profile.deskew;
  options.blank_ink_share = profile.blank_ink_share;
  scan::CleanPage clean = scan::clean_page(scanned.image.get(), scanned.dpi, options);
  scanned.image.reset();
  page.dropped = clean.blank && (profile.drop_blank_pages || profile.separation == ScanSeparation::blank_page);
  if (page.dropped) return page;
  if (!clean.blank) {
    if (auto code = scan::read_separator_code(clean.grey.get())) page.record.barcode = std::move(*code);
  }
  page.separator = profile.separation == ScanSeparation::separator_sheet && !page.record.barcode.empty() &&
                   page.record.barcode.starts_with(profile.separator_prefix);
  if (page.separator) return page;
  scan::OcrPage text;
  if (!clean.blank)
    text = scan::read_upright(clean, scanned.dpi, worker.ocr, profile.orient ? &worker.orientation : nullptr,
                              profile.deskew);
  page.record.deskew_degrees = clean.deskew_degrees;
  page.record.rotation = clean.rotation;
  page.record.text = std::move(text.text);  // the archive page needs only the words
  page.record.words = text.words.size();
  page.record.mean_confidence = text.mean_confidence;
  Pix* image = clean.colour ? clean.colour.get() : clean.grey.get();
  page.archive =
      scan::encode_archive_page(image, scanned.dpi, text, scanned.tone == scan::Tone::bitonal, profile.jpeg_quality);
  return page;
}

}  // namespace

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
  ScanDocumentWriter writer(folder, profile, batch, request.created);
  tbb::enumerable_thread_specific<std::unique_ptr<ScanWorker>> workers;
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
        if (!worker) worker = std::make_unique<ScanWorker>(profile.languages);
        return std::make_shared<ProcessedPage>(process(std::move(*item), profile, *worker));
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
  folder.write_file("summary.json", nlohmann::json(summary).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  folder.commit();
  return summary;
}

}  // namespace kuvert

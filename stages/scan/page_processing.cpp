#include "stages/scan/page_processing.hpp"

#include "stages/scan/page_cleanup.hpp"
#include "stages/scan/separator_code.hpp"
#include "stages/scan/upright_reading.hpp"

namespace kuvert {
namespace {

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

}  // namespace

ProcessedPage process_page(BatchPage&& input, const ScanProfile& profile, PageWorker& worker) {
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

}  // namespace kuvert

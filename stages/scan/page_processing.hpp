#pragma once
// The parallel stage of the scan pipeline: one page of a batch cleaned up,
// its separator code read, dropped when blank, turned upright, recognised
// and encoded for the archive, as the scan profile says. It writes no
// files; the engines are the worker thread's own.
#include <string>

#include "pipeline/model/scan_profile.hpp"
#include "stages/scan/ocr_engine.hpp"
#include "stages/scan/orientation_detector.hpp"
#include "stages/scan/scan_document_writer.hpp"
#include "stages/scan/scan_page_reader.hpp"

namespace kuvert {

// What each worker thread keeps: Tesseract engines are not thread-safe.
struct PageWorker {
  explicit PageWorker(const std::string& languages) : ocr(languages) {}
  scan::OcrEngine ocr;
  scan::OrientationDetector orientation;
};

ProcessedPage process_page(BatchPage&& input, const ScanProfile& profile, PageWorker& worker);

}  // namespace kuvert

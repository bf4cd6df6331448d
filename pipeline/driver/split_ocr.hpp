#pragma once
// The words of a print file's page that has no text of its own (scanned,
// or its text drawn as outlines), read by Tesseract in the regions a split
// profile reads, for a profile that allows it (ocr = true): its address
// field's recipient zone, its start rules', page counter's and fields'
// regions. The page is rendered at 300 dpi by poppler; only those regions
// are read, each once.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/model/split_profile.hpp"
#include "stages/scan/ocr_engine.hpp"
#include "stages/scan/scan_input.hpp"
#include "stages/split/page_text.hpp"

namespace kuvert {

class RegionOcr {
 public:
  // Throws kuvert::Error (system) when Tesseract's German data is missing.
  RegionOcr(const SplitProfile& profile, const std::filesystem::path& file, const std::string& name);
  // Page `number` (1-based). Not thread-safe: one reader per thread.
  // Throws kuvert::Error (input) naming the page when it cannot be rendered.
  split::PageText read(std::uint32_t number);

 private:
  std::vector<RectMm> regions_;
  std::unique_ptr<scan::ScanFile> pages_;
  scan::OcrEngine engine_;
};

}  // namespace kuvert

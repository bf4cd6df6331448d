#pragma once
// The pages of a scanned input file, one at a time: TIFF (multi-page
// included), PNG and JPEG through ImageMagick, within the limits of
// layouts/scan/policy.xml.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "stages/scan/pix.hpp"

namespace kuvert::scan {

struct ScannedPage {
  PixPtr image;               // 8-bit grey
  int dpi = 300;              // as the file says (300 when it says nothing)
  std::uint32_t number = 0;   // 1-based in its file
};

// Starts ImageMagick with the policy in `policy_folder`; once per process,
// before any thread reads images. Later calls do nothing.
void start_image_reading(const std::filesystem::path& policy_folder);

// Calls `each` with every page of `file` in order. Throws kuvert::Error
// (input) naming the file (Where::file = `name`) and why: it is empty,
// truncated or damaged, of a format kuvert does not read, or beyond the
// policy's limits.
void read_scan_pages(const std::filesystem::path& file, const std::string& name,
                     const std::function<void(ScannedPage&&)>& each);

}  // namespace kuvert::scan

#pragma once
// The pages of a scanned input file, one at a time: TIFF (multi-page
// included), PNG and JPEG through ImageMagick, within the limits of
// layouts/scan/policy.xml; image-only PDF (what scanners write) rendered
// by poppler at 300 dpi (STACK.md: not through ImageMagick).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "stages/scan/pix.hpp"

namespace kuvert::scan {

// What the scanner delivered; the archive keeps it (bitonal lossless,
// grey and colour as JPEG).
enum class Tone { bitonal, grey, colour };

struct ScannedPage {
  PixPtr image;  // 8-bit grey; 32-bit RGB for colour pages
  Tone tone = Tone::grey;
  int dpi = 300;             // as the file says (300 when it says nothing)
  std::uint32_t number = 0;  // 1-based in its file
};

// Starts ImageMagick with the policy in `policy_folder`; once per process,
// before any thread reads images. Later calls do nothing.
// Also silences Leptonica's messages, which name no file.
void start_image_reading(const std::filesystem::path& policy_folder);

// An opened scan file. Its problems throw kuvert::Error (input) naming the
// file (Where::file) and why: it is empty, truncated or damaged, of a
// format kuvert does not read, an encrypted PDF, more than kMaxScanPages
// pages, or a page beyond the policy's limits. Not thread-safe; pages are
// decoded when asked for, best in order.
class ScanFile {
 public:
  virtual ~ScanFile() = default;
  virtual std::size_t pages() const = 0;
  // Page `index` (0-based).
  virtual ScannedPage page(std::size_t index) = 0;
};

// Pages read from one scan file at most: a scanner's batch is a few
// hundred; a file of 10,000 tiny pages is not a batch but an attack.
inline constexpr std::size_t kMaxScanPages = 2000;

// Refuses the scan file `name` for `reason`: kuvert::Error (input) naming it,
// for the batch's list of rejected files.
[[noreturn]] void refuse_scan_file(const std::string& name, std::string reason);

// Opens `file`, which errors call `name`.
std::unique_ptr<ScanFile> open_scan_file(const std::filesystem::path& file, const std::string& name);

}  // namespace kuvert::scan

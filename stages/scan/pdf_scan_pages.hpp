#pragma once
// Image-only PDF scans rendered page by page with poppler at 300 dpi, each
// page's tone (bitonal, grey, colour) judged from its pixels.
#include <filesystem>
#include <memory>
#include <string>

#include "stages/scan/scan_input.hpp"

namespace kuvert::scan {

// True when the file starts like a PDF.
bool looks_like_pdf(const std::filesystem::path& file);

// A PDF scan file, as open_scan_file opens it. A page larger than
// `max_pixels` at 300 dpi is refused before it is rendered.
std::unique_ptr<ScanFile> open_pdf_scan_file(const std::filesystem::path& file, const std::string& name,
                                             double max_pixels);

}  // namespace kuvert::scan

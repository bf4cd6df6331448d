#pragma once
// A client's logo for the letterhead: a PNG file, placed as an image with
// its transparency kept (a soft mask).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/model/pdf_object.hpp"

namespace kuvert::compose {

struct LogoImage {
  std::uint32_t width = 0, height = 0;  // pixels
  std::string rgb;                      // 8 bits a channel, row by row
  std::string alpha;                    // 8 bits a pixel
};

// Throws kuvert::Error (input) naming the file when it is not a PNG image
// that can be read.
LogoImage read_png(const std::filesystem::path& path);

// The image and its soft mask as PDF objects (both deflated).
std::vector<PdfObjectBytes> logo_objects(const LogoImage& logo, std::uint32_t image, std::uint32_t mask);

}  // namespace kuvert::compose

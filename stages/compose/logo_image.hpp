#pragma once
// A client's logo for the letterhead: a PNG file, placed as an image with
// its transparency kept (a soft mask), or the first page of a PDF file,
// placed as a form (the driver copies it; compose only places it).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/pdf/pdf_object.hpp"

namespace kuvert::compose {

// How the letterhead draws the logo, the XObject /Logo: an image fills the
// unit square, a form its box.
struct LogoShape {
  double width = 1, height = 1;  // in its own units (pixels, points): its proportions
  bool image = true;
  double llx = 0, lly = 0;  // a form's box origin
};

struct LogoImage {
  std::uint32_t width = 0, height = 0;  // pixels
  std::string rgb;                      // 8 bits a channel, row by row
  std::string alpha;                    // 8 bits a pixel
};

// Throws kuvert::Error (input) naming the file when it is not a PNG image
// that can be read.
LogoImage read_png(const std::filesystem::path& path);

inline LogoShape shape_of(const LogoImage& logo) {
  return {static_cast<double>(logo.width), static_cast<double>(logo.height), true, 0, 0};
}

// The image and its soft mask as PDF objects (both deflated).
std::vector<PdfObjectBytes> logo_objects(const LogoImage& logo, std::uint32_t image, std::uint32_t mask);

}  // namespace kuvert::compose

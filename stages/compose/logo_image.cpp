#include "stages/compose/logo_image.hpp"

#include <png.h>

#include "pipeline/model/error.hpp"
#include "pipeline/pdf/pdf_object.hpp"
#include "pipeline/model/concat.hpp"

namespace kuvert::compose {
namespace {

// png_image owns nothing but its opaque state, freed by png_image_free.
struct ImageRelease {
  png_image* image;
  ~ImageRelease() { png_image_free(image); }
};

std::string image_stream(const std::string& dictionary, const std::string& pixels) {
  return flate_stream(concat("/Type /XObject /Subtype /Image ", dictionary, " /BitsPerComponent 8"), pixels);
}

}  // namespace

LogoImage read_png(const std::filesystem::path& path) {
  Where where;
  where.file = path.string();
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  ImageRelease release{&image};
  if (!png_image_begin_read_from_file(&image, path.c_str()))
    throw_input(where, concat("is not a PNG image kuvert can read (", image.message, ")"));
  image.format = PNG_FORMAT_RGBA;
  std::string rgba(PNG_IMAGE_SIZE(image), '\0');
  if (!png_image_finish_read(&image, nullptr, rgba.data(), 0, nullptr))
    throw_input(where, concat("is a damaged PNG image (", image.message, ")"));
  LogoImage logo;
  logo.width = image.width;
  logo.height = image.height;
  logo.rgb.reserve(rgba.size() / 4 * 3);
  logo.alpha.reserve(rgba.size() / 4);
  for (std::size_t i = 0; i < rgba.size(); i += 4) {
    logo.rgb.append(rgba, i, 3);
    logo.alpha += rgba[i + 3];
  }
  return logo;
}

std::vector<PdfObjectBytes> logo_objects(const LogoImage& logo, std::uint32_t image, std::uint32_t mask) {
  const std::string size = concat("/Width ", std::to_string(logo.width), " /Height ", std::to_string(logo.height));
  return {{image, image_stream(concat(size, " /ColorSpace /DeviceRGB /SMask ", pdf_reference(mask)), logo.rgb)},
          {mask, image_stream(concat(size, " /ColorSpace /DeviceGray"), logo.alpha)}};
}

}  // namespace kuvert::compose

#include "pipeline/console/page_thumbnail.hpp"

#include <png.h>
#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <memory>
#include <vector>

namespace kuvert::console {

namespace {

void append_bytes(png_structp png, png_bytep data, png_size_t length) {
  auto* out = static_cast<std::string*>(png_get_io_ptr(png));
  out->append(reinterpret_cast<const char*>(data), length);
}

// rgb24 rows (as poppler renders them) to PNG.
std::optional<std::string> encode_png(const poppler::image& image) {
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  if (!png) return std::nullopt;
  png_infop info = png_create_info_struct(png);
  std::string out;
  if (!info || setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return std::nullopt;
  }
  png_set_write_fn(png, &out, append_bytes, nullptr);
  png_set_IHDR(png, info, static_cast<png_uint_32>(image.width()), static_cast<png_uint_32>(image.height()), 8,
               PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  for (int y = 0; y < image.height(); ++y)
    png_write_row(png, reinterpret_cast<png_const_bytep>(image.const_data() +
                                                         static_cast<std::ptrdiff_t>(y) * image.bytes_per_row()));
  png_write_end(png, info);
  png_destroy_write_struct(&png, &info);
  return out;
}

}  // namespace

std::optional<std::string> page_thumbnail(const std::filesystem::path& pdf, int index, double dpi) {
  const std::unique_ptr<poppler::document> document(poppler::document::load_from_file(pdf.string()));
  if (!document || document->is_locked() || index < 0 || index >= document->pages()) return std::nullopt;
  const std::unique_ptr<poppler::page> page(document->create_page(index));
  if (!page) return std::nullopt;
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing);
  renderer.set_image_format(poppler::image::format_rgb24);
  const poppler::image image = renderer.render_page(page.get(), dpi, dpi);
  if (!image.is_valid()) return std::nullopt;
  return encode_png(image);
}

}  // namespace kuvert::console

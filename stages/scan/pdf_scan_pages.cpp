#include "stages/scan/pdf_scan_pages.hpp"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <memory>

#include "pipeline/model/error.hpp"

namespace kuvert::scan {
namespace {

constexpr int kDpi = 300;

// 0xRRGGBB
std::uint32_t rgb_at(const poppler::image& image, int x, int y) {
  // rgb24 holds three bytes a pixel, red first.
  const auto* p = reinterpret_cast<const unsigned char*>(image.const_data()) +
                  static_cast<std::ptrdiff_t>(y) * image.bytes_per_row() + 3 * x;
  return std::uint32_t{p[0]} << 16 | std::uint32_t{p[1]} << 8 | p[2];
}

// Grey when red, green and blue agree everywhere; bitonal when nearly every
// pixel is black or white (poppler smooths the edges of a bitonal image it
// scales, which leaves about 0.5 % between; text set in grey leaves more
// than 2 %, a scanned grey page far more).
Tone tone_of(const poppler::image& image) {
  std::size_t between = 0;
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x) {
      const std::uint32_t p = rgb_at(image, x, y);
      const std::uint32_t r = p >> 16, g = (p >> 8) & 0xff, b = p & 0xff;
      if (r != g || g != b) return Tone::colour;
      if (r != 0 && r != 255) ++between;
    }
  const double pixels = static_cast<double>(image.width()) * image.height();
  return static_cast<double>(between) < 0.01 * pixels ? Tone::bitonal : Tone::grey;
}

PixPtr pix_of(const poppler::image& image, Tone tone) {
  const int width = image.width(), height = image.height();
  PixPtr pix(pixCreate(width, height, tone == Tone::colour ? 32 : 8));
  pixSetResolution(pix.get(), kDpi, kDpi);
  l_uint32* data = pixGetData(pix.get());
  const l_int32 words = pixGetWpl(pix.get());
  for (int y = 0; y < height; ++y) {
    l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * words;
    for (int x = 0; x < width; ++x) {
      const std::uint32_t p = rgb_at(image, x, y);
      if (tone == Tone::colour)
        composeRGBPixel(static_cast<l_int32>(p >> 16), static_cast<l_int32>((p >> 8) & 0xff),
                        static_cast<l_int32>(p & 0xff), line + x);
      else
        SET_DATA_BYTE(line, x, p & 0xff);
    }
  }
  return pix;
}

}  // namespace

bool looks_like_pdf(const std::filesystem::path& file) {
  char start[5] = {};
  std::ifstream in(file, std::ios::binary);
  in.read(start, sizeof start);
  return in.gcount() == 5 && std::memcmp(start, "%PDF-", 5) == 0;
}

namespace {

class PdfScanFile : public ScanFile {
 public:
  PdfScanFile(const std::filesystem::path& file, std::string name, double max_pixels)
      : name_(std::move(name)), max_pixels_(max_pixels) {
    document_.reset(poppler::document::load_from_file(file.string()));
    if (!document_) refuse_scan_file(name_, "is a damaged or truncated PDF file");
    if (document_->is_encrypted() || document_->is_locked())
      refuse_scan_file(name_, "is an encrypted PDF file; scans must not be");
    if (document_->pages() <= 0) refuse_scan_file(name_, "is a PDF file without pages");
    renderer_.set_image_format(poppler::image::format_rgb24);
  }

  std::size_t pages() const override { return static_cast<std::size_t>(document_->pages()); }

  ScannedPage page(std::size_t index) override {
    const std::string page_name = "page " + std::to_string(index + 1);
    const std::unique_ptr<poppler::page> page(document_->create_page(static_cast<int>(index)));
    if (!page) refuse_scan_file(name_, page_name + " cannot be read");
    const poppler::rectf box = page->page_rect(poppler::media_box);
    const double pixels = box.width() * kDpi / 72.0 * box.height() * kDpi / 72.0;
    if (!(pixels >= 1)) refuse_scan_file(name_, page_name + " has no size");
    if (pixels > max_pixels_)
      refuse_scan_file(name_, page_name + " is " + std::to_string(static_cast<long long>(pixels / 1e6)) +
                                  " megapixels at 300 dpi, more than the limit of " +
                                  std::to_string(static_cast<long long>(max_pixels_ / 1e6)));
    const poppler::image image = renderer_.render_page(page.get(), kDpi, kDpi);
    if (!image.is_valid() || image.width() == 0 || image.height() == 0)
      refuse_scan_file(name_, page_name + " cannot be rendered");
    const Tone tone = tone_of(image);
    return ScannedPage{pix_of(image, tone), tone, kDpi, static_cast<std::uint32_t>(index + 1)};
  }

 private:
  std::string name_;
  double max_pixels_;
  std::unique_ptr<poppler::document> document_;
  poppler::page_renderer renderer_;
};

}  // namespace

std::unique_ptr<ScanFile> open_pdf_scan_file(const std::filesystem::path& file, const std::string& name,
                                             double max_pixels) {
  return std::make_unique<PdfScanFile>(file, name, max_pixels);
}

}  // namespace kuvert::scan

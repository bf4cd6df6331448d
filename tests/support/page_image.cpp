#include "tests/support/page_image.hpp"

#include <png.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <stdexcept>

#include "tests/support/process.hpp"
#include "tests/support/temp_folder.hpp"
#include "tools/inserter_sim/sheet_camera.hpp"

namespace kuvert::test {
namespace {

constexpr double kA4WidthMm = 210.0;

}  // namespace

std::string datamatrix_in(const PageImage& page, double x_mm, double y_mm, double width_mm, double height_mm) {
  int width = 0, height = 0;
  const auto pixels = page.crop_mm(x_mm, y_mm, width_mm, height_mm, width, height);
  return kuvert::inserter_sim::read_datamatrix(pixels.data(), width, height, width).value_or("(unreadable)");
}

PageImage PageImage::load_pgm(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string magic;
  int max_value = 0;
  PageImage image;
  in >> magic >> image.width_ >> image.height_ >> max_value;
  in.get();
  if (magic != "P5" || max_value != 255) throw std::runtime_error("not an 8-bit PGM: " + path.string());
  image.pixels_.resize(static_cast<std::size_t>(image.width_) * image.height_);
  in.read(reinterpret_cast<char*>(image.pixels_.data()), static_cast<std::streamsize>(image.pixels_.size()));
  image.dpi_ = image.width_ / (kA4WidthMm / 25.4);
  return image;
}

PageImage PageImage::from_png(const std::string& bytes) {
  png_image png{};
  png.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&png, bytes.data(), bytes.size()))
    throw std::runtime_error("not a PNG: " + std::string(png.message));
  png.format = PNG_FORMAT_GRAY;
  PageImage image;
  image.width_ = static_cast<int>(png.width);
  image.height_ = static_cast<int>(png.height);
  image.pixels_.resize(PNG_IMAGE_SIZE(png));
  if (!png_image_finish_read(&png, nullptr, image.pixels_.data(), 0, nullptr))
    throw std::runtime_error("a PNG that does not read: " + std::string(png.message));
  image.dpi_ = image.width_ / (kA4WidthMm / 25.4);
  return image;
}

double PageImage::difference(const PageImage& other) const {
  // Renderers round a page's size either way: a pixel more or less is the same size.
  if (std::abs(other.width_ - width_) > 1 || std::abs(other.height_ - height_) > 1) return 255;
  const int width = std::min(width_, other.width_), height = std::min(height_, other.height_);
  double sum = 0;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      sum += std::abs(int{pixels_[static_cast<std::size_t>(y) * width_ + x]} -
                      int{other.pixels_[static_cast<std::size_t>(y) * other.width_ + x]});
  return width * height == 0 ? 0 : sum / (static_cast<double>(width) * height);
}

int PageImage::grey_at_mm(double x_mm, double y_mm) const {
  const int x = std::clamp(static_cast<int>(std::lround(x_mm / 25.4 * dpi_)), 0, width_ - 1);
  const int y = std::clamp(static_cast<int>(std::lround(y_mm / 25.4 * dpi_)), 0, height_ - 1);
  return pixels_[static_cast<std::size_t>(y) * width_ + x];
}

bool PageImage::any_dark_mm(double x_mm, double y_mm, double width_mm, double height_mm) const {
  const int x0 = std::max(0, static_cast<int>(x_mm / 25.4 * dpi_));
  const int y0 = std::max(0, static_cast<int>(y_mm / 25.4 * dpi_));
  const int x1 = std::min(width_, static_cast<int>((x_mm + width_mm) / 25.4 * dpi_));
  const int y1 = std::min(height_, static_cast<int>((y_mm + height_mm) / 25.4 * dpi_));
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x)
      if (pixels_[static_cast<std::size_t>(y) * width_ + x] < 128) return true;
  return false;
}

std::vector<std::uint8_t> PageImage::crop_mm(double x_mm, double y_mm, double width_mm, double height_mm, int& width,
                                             int& height) const {
  const int x0 = std::max(0, static_cast<int>(x_mm / 25.4 * dpi_));
  const int y0 = std::max(0, static_cast<int>(y_mm / 25.4 * dpi_));
  const int x1 = std::min(width_, static_cast<int>((x_mm + width_mm) / 25.4 * dpi_));
  const int y1 = std::min(height_, static_cast<int>((y_mm + height_mm) / 25.4 * dpi_));
  width = x1 - x0;
  height = y1 - y0;
  std::vector<std::uint8_t> crop;
  for (int y = y0; y < y1; ++y)
    crop.insert(crop.end(), pixels_.begin() + static_cast<std::ptrdiff_t>(y) * width_ + x0,
                pixels_.begin() + static_cast<std::ptrdiff_t>(y) * width_ + x1);
  return crop;
}

std::vector<PageImage> render_pages(const std::filesystem::path& pdf, int dpi) {
  TempFolder folder;
  require_success(
      run_process({"pdftoppm", "-gray", "-r", std::to_string(dpi), pdf.string(), (folder.path() / "page").string()}),
      "pdftoppm");
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder.path())) files.push_back(entry.path());
  // pdftoppm pads page numbers to equal width, so names sort in page order.
  std::sort(files.begin(), files.end());
  std::vector<PageImage> images;
  for (const auto& file : files) images.push_back(PageImage::load_pgm(file));
  return images;
}

std::vector<std::string> page_texts(const std::filesystem::path& pdf) {
  const auto result = run_process({"pdftotext", "-layout", pdf.string(), "-"});
  require_success(result, "pdftotext");
  std::vector<std::string> pages;
  std::string current;
  for (char c : result.out) {
    if (c == '\f') {
      pages.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  return pages;
}

std::string text_in_area(const std::filesystem::path& pdf, int page, double x_mm, double y_mm, double width_mm,
                         double height_mm) {
  auto pt = [](double mm) { return std::to_string(static_cast<int>(std::lround(mm / 25.4 * 72))); };
  const auto result =
      run_process({"pdftotext", "-f", std::to_string(page), "-l", std::to_string(page), "-r", "72", "-x", pt(x_mm),
                   "-y", pt(y_mm), "-W", pt(width_mm), "-H", pt(height_mm), "-layout", pdf.string(), "-"});
  require_success(result, "pdftotext");
  return result.out;
}

}  // namespace kuvert::test

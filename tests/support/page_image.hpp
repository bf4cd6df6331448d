#pragma once
// Pages rendered back with poppler's pdftoppm, as grey pixels, so tests can
// read the marks a run file really carries.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kuvert::test {

class PageImage {
 public:
  static PageImage load_pgm(const std::filesystem::path& path);
  // PNG bytes (as the console serves a page), turned grey by libpng.
  static PageImage from_png(const std::string& bytes);

  int width() const { return width_; }
  int height() const { return height_; }
  // Grey value at a point given in mm from the top-left corner.
  int grey_at_mm(double x_mm, double y_mm) const;
  // Whether any pixel in the rectangle (mm) is darker than mid-grey.
  bool any_dark_mm(double x_mm, double y_mm, double width_mm, double height_mm) const;
  double dpi() const { return dpi_; }
  // The grey pixels of a rectangle (mm), row by row; sets its size in pixels.
  std::vector<std::uint8_t> crop_mm(double x_mm, double y_mm, double width_mm, double height_mm, int& width,
                                    int& height) const;
  // The mean difference of grey values from a page of the same size, give
  // or take a pixel (255 for another size): 0 for the same picture.
  double difference(const PageImage& other) const;

 private:
  int width_ = 0, height_ = 0;
  double dpi_ = 0;
  std::vector<std::uint8_t> pixels_;
};

// The DataMatrix code inside a rectangle (mm) of `page`, decoded with
// zxing-cpp as an inserter's camera reads it; "(unreadable)" when none reads.
std::string datamatrix_in(const PageImage& page, double x_mm, double y_mm, double width_mm, double height_mm);

// Renders every page of `pdf` in grey at `dpi`; images in page order.
std::vector<PageImage> render_pages(const std::filesystem::path& pdf, int dpi);

// The text of every page (pdftotext), in page order.
std::vector<std::string> page_texts(const std::filesystem::path& pdf);

// The text inside a rectangle (mm from the top-left) of page `page` (1-based).
std::string text_in_area(const std::filesystem::path& pdf, int page, double x_mm, double y_mm, double width_mm,
                         double height_mm);

}  // namespace kuvert::test

#include "tools/inserter_sim/sheet_camera.hpp"

#include <ZXing/ReadBarcode.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cmath>

#include "pipeline/model/error.hpp"
#include "stages/impose/control_marks.hpp"

namespace kuvert::inserter_sim {
namespace {

// Fine enough for modules of 0.25 mm (2.4 pixels) and bars of 0.2 mm.
constexpr double kDpi = 240;
// The largest symbol the profiles allow: 26 modules and a quiet zone.
constexpr double kSymbolModules = 26 + 8;

int pixels(double mm) { return static_cast<int>(std::lround(mm / 25.4 * kDpi)); }

struct Region {
  double x = 0, y = 0, width = 0, height = 0;  // mm from the page's top-left corner
};

Region marks_region(const InserterProfile& profile) {
  if (profile.code == CodeKind::datamatrix)
    return {profile.code_x_mm - 4 * profile.module_mm, profile.code_y_mm - 4 * profile.module_mm,
            kSymbolModules * profile.module_mm, kSymbolModules * profile.module_mm};
  const double pitch = profile.pitch_mm;
  return {profile.bar_x_mm - 1, profile.first_mark_y_mm - pitch, profile.bar_length_mm + 2,
          (static_cast<double>(profile.positions.size()) + 1) * pitch};
}

// A bar is there when most of the pixels along its centre line, away from
// its ends, are dark.
std::vector<bool> bars_in(const poppler::image& image, const InserterProfile& profile, const Region& region) {
  const auto* data = reinterpret_cast<const std::uint8_t*>(image.const_data());
  std::vector<bool> bars;
  for (std::size_t i = 0; i < profile.positions.size(); ++i) {
    const int y = pixels(profile.first_mark_y_mm + static_cast<double>(i) * profile.pitch_mm - region.y);
    const int x0 = pixels(profile.bar_x_mm + 1 - region.x);
    const int x1 = pixels(profile.bar_x_mm + profile.bar_length_mm - 1 - region.x);
    int dark = 0, all = 0;
    for (int x = std::max(0, x0); x < std::min(image.width(), x1) && y >= 0 && y < image.height(); ++x, ++all)
      dark += data[static_cast<std::size_t>(y) * image.bytes_per_row() + x] < 128;
    bars.push_back(all > 0 && 2 * dark > all);
  }
  return bars;
}

}  // namespace

std::optional<std::string> read_datamatrix(const std::uint8_t* grey, int width, int height, int bytes_per_row) {
  const ZXing::ImageView image(grey, width, height, ZXing::ImageFormat::Lum, bytes_per_row);
  const auto result = ZXing::ReadBarcode(image, ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::DataMatrix));
  if (!result.isValid()) return std::nullopt;
  return std::string(result.bytes().begin(), result.bytes().end());
}

SheetCamera::SheetCamera(const std::filesystem::path& run_file, const InserterProfile& profile,
                         std::optional<bool> duplex, std::size_t control_sheets)
    : profile_(profile) {
  const std::string name = run_file.filename().string();
  document_.reset(poppler::document::load_from_file(run_file.string()));
  if (!document_ || document_->is_locked()) throw Error(ErrorKind::input, Where{.file = name}, "is not a readable PDF");
  const auto pages = static_cast<std::size_t>(document_->pages());
  // Without a word on it, the marks tell: on a duplex run every other page
  // carries them, on a simplex run every page.
  // A banner sheet before the run adds one sheet to the control file's.
  const auto fits = [&](std::size_t sheets) { return sheets == control_sheets || sheets == control_sheets + 1; };
  if (duplex)
    duplex_ = *duplex;
  else if (control_sheets > 0 && fits(pages) != (pages % 2 == 0 && fits(pages / 2)))
    duplex_ = !fits(pages);
  else
    duplex_ = pages % 2 == 0 && marked(0) != marked(1);
  if (pages == 0 || (duplex_ && pages % 2 != 0))
    throw Error(ErrorKind::input, Where{.file = name},
                "has " + std::to_string(pages) + " pages, not a whole number of " + (duplex_ ? "duplex" : "simplex") +
                    " sheets");
  sheets_ = duplex_ ? pages / 2 : pages;
}

SheetCamera::~SheetCamera() = default;

SheetCode SheetCamera::read(std::size_t index) const {
  const bool on_back = duplex_ && profile_.side == SheetSide::back;
  SheetCode code = read_page(static_cast<int>(duplex_ ? 2 * index + (on_back ? 1 : 0) : index));
  // A banner for a profile that cannot mark it for diversion carries no
  // bar at all; only the file's first sheet may be one, so that a run's
  // sheet whose marks failed is still a misread.
  if (index == 0 && code.readable && profile_.code == CodeKind::omr && !has_divert_position(profile_) &&
      std::find(code.bars.begin(), code.bars.end(), true) == code.bars.end())
    code.divert = true;
  return code;
}

bool SheetCamera::marked(int page_index) const {
  const SheetCode code = read_page(page_index);
  return code.readable && (profile_.code == CodeKind::datamatrix ||
                           std::find(code.bars.begin(), code.bars.end(), true) != code.bars.end());
}

SheetCode SheetCamera::read_page(int page_index) const {
  const std::unique_ptr<poppler::page> page(document_->create_page(page_index));
  if (!page) return unreadable("page " + std::to_string(page_index + 1) + " cannot be read");
  const Region region = marks_region(profile_);
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  const poppler::image image = renderer.render_page(page.get(), kDpi, kDpi, pixels(region.x), pixels(region.y),
                                                    pixels(region.width), pixels(region.height));
  if (!image.is_valid()) return unreadable("page " + std::to_string(page_index + 1) + " cannot be rendered");
  if (profile_.code == CodeKind::datamatrix) {
    const auto payload = read_datamatrix(reinterpret_cast<const std::uint8_t*>(image.const_data()), image.width(),
                                         image.height(), image.bytes_per_row());
    return payload ? decode_datamatrix(*payload) : unreadable("no code read");
  }
  SheetCode code;
  code.readable = true;
  code.bars = bars_in(image, profile_, region);
  for (std::size_t i = 0; i < code.bars.size(); ++i)
    code.divert = code.divert || (code.bars[i] && profile_.positions[i].function == MarkFunction::divert);
  return code;
}

}  // namespace kuvert::inserter_sim

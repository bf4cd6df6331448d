#include "pipeline/driver/split_ocr.hpp"

#include <algorithm>
#include <cmath>

#include "stages/scan/pdf_scan_pages.hpp"
#include "stages/split/document_split.hpp"

namespace kuvert {
namespace {

constexpr double kMmPerInch = 25.4;
// Past this many pixels a page is refused before it is rendered: an A4
// page at 300 dpi has 8.7 million.
constexpr double kMaxPagePixels = 40e6;

bool same(const RectMm& a, const RectMm& b) {
  return a.x == b.x && a.y == b.y && a.width == b.width && a.height == b.height;
}

}  // namespace

RegionOcr::RegionOcr(const SplitProfile& profile, const std::filesystem::path& file, const std::string& name)
    : pages_(scan::open_pdf_scan_file(file, name, kMaxPagePixels)), engine_("deu") {
  const auto add = [&](const RectMm& region) {
    if (region.width > 0 && region.height > 0 &&
        std::none_of(regions_.begin(), regions_.end(), [&](const RectMm& r) { return same(r, region); }))
      regions_.push_back(region);
  };
  add(split::recipient_zone(profile));
  for (const auto& start : profile.starts) add(start.region);
  for (const auto& counter : profile.counters) add(counter.region);
  for (const auto& field : profile.fields) add(field.region);
}

split::PageText RegionOcr::read(std::uint32_t number) {
  const scan::ScannedPage page = pages_->page(number - 1);
  split::PageText text;
  text.number = number;
  const double pixels_per_mm = page.dpi / kMmPerInch;
  const int width = static_cast<int>(pixGetWidth(page.image.get()));
  const int height = static_cast<int>(pixGetHeight(page.image.get()));
  for (const auto& region : regions_) {
    const int x = std::clamp(static_cast<int>(std::floor(region.x * pixels_per_mm)), 0, width - 1);
    const int y = std::clamp(static_cast<int>(std::floor(region.y * pixels_per_mm)), 0, height - 1);
    const int w = std::min(static_cast<int>(std::ceil(region.width * pixels_per_mm)), width - x);
    const int h = std::min(static_cast<int>(std::ceil(region.height * pixels_per_mm)), height - y);
    if (w < 8 || h < 8) continue;
    Box* box = boxCreate(x, y, w, h);
    scan::PixPtr clip(pixClipRectangle(page.image.get(), box, nullptr));
    boxDestroy(&box);
    if (!clip) continue;
    for (const auto& word : engine_.read(clip.get(), page.dpi).words) {
      const RectMm at{(x + word.left) / pixels_per_mm, (y + word.top) / pixels_per_mm,
                      (word.right - word.left) / pixels_per_mm, (word.bottom - word.top) / pixels_per_mm};
      // Regions overlap: a word read twice is kept once.
      const bool seen = std::any_of(text.words.begin(), text.words.end(), [&](const split::Word& other) {
        return other.text == word.text && std::abs(other.box.x - at.x) < 1 && std::abs(other.box.y - at.y) < 1;
      });
      if (!seen && text.words.size() < split::kMaxWordsPerPage) text.words.push_back({word.text, at});
    }
  }
  return text;
}

}  // namespace kuvert

#include "stages/impose/mark_drawing.hpp"

#include <cmath>
#include <cstdint>

#include "pipeline/model/a4_sheet.hpp"
#include "pipeline/model/error.hpp"

namespace kuvert {
namespace {


std::int64_t milli(double points) { return std::llround(points * 1000); }

// Appends a rectangle given in mm from the page's top-left corner.
void rectangle(std::string& out, const PageBox& box, double x_mm, double y_mm, double width_mm, double height_mm) {
  const std::int64_t left = milli(box.llx + x_mm * kPointsPerMm);
  const std::int64_t right = milli(box.llx + (x_mm + width_mm) * kPointsPerMm);
  const std::int64_t top = milli(box.ury - y_mm * kPointsPerMm);
  const std::int64_t bottom = milli(box.ury - (y_mm + height_mm) * kPointsPerMm);
  out += pdf_thousandths(left) + ' ' + pdf_thousandths(bottom) + ' ' + pdf_thousandths(right - left) + ' ' + pdf_thousandths(top - bottom) +
         " re f\n";
}

void check_fits(const InserterProfile& profile, const ModuleMatrix& modules, const SheetContext& sheet) {
  const RectMm& zone = profile.clear_zone;
  const double m = profile.module_mm;
  // One module of quiet zone right of and below the symbol; the profile
  // check already keeps one left of and above it.
  const bool fits = profile.code_x_mm + (modules.width + 1) * m <= zone.x + zone.width + 1e-9 &&
                    profile.code_y_mm + (modules.height + 1) * m <= zone.y + zone.height + 1e-9;
  if (!fits)
    throw Error(ErrorKind::input, where_of(sheet),
                "the DataMatrix of this sheet has " + std::to_string(modules.width) + " x " +
                    std::to_string(modules.height) +
                    " modules and with its quiet zone does not fit the clear "
                    "zone of inserter profile \"" +
                    profile.name + "\"");
}

}  // namespace


std::string draw_clear_zone(const InserterProfile& profile, const PageBox& box) {
  std::string out = "1 g\n";
  const RectMm& zone = profile.clear_zone;
  rectangle(out, box, zone.x, zone.y, zone.width, zone.height);
  return out;
}

std::string draw_zone_behind_code(const InserterProfile& profile, const PageBox& box) {
  std::string out = "1 g\n";
  const RectMm& zone = profile.clear_zone;
  rectangle(out, box, kA4WidthMm - zone.x - zone.width, zone.y, zone.width, zone.height);
  return out;
}

std::string draw_bars(const InserterProfile& profile, const std::vector<bool>& bars, const PageBox& box) {
  std::string out = "0 g\n";
  for (std::size_t i = 0; i < bars.size(); ++i) {
    if (!bars[i]) continue;
    const double centre = profile.first_mark_y_mm + static_cast<double>(i) * profile.pitch_mm;
    rectangle(out, box, profile.bar_x_mm, centre - profile.bar_thickness_mm / 2, profile.bar_length_mm,
              profile.bar_thickness_mm);
  }
  return out;
}

std::string draw_modules(const InserterProfile& profile, const ModuleMatrix& modules, const PageBox& box) {
  std::string out = "0 g\n";
  const double m = profile.module_mm;
  for (int y = 0; y < modules.height; ++y) {
    for (int x = 0; x < modules.width;) {
      if (!modules.at(x, y)) {
        ++x;
        continue;
      }
      int end = x;
      while (end < modules.width && modules.at(end, y)) ++end;
      rectangle(out, box, profile.code_x_mm + x * m, profile.code_y_mm + y * m, (end - x) * m, m);
      x = end;
    }
  }
  return out;
}

std::string draw_side_marks(const InserterProfile& profile, const SheetContext& sheet, const PageBox& box,
                            bool carries_code) {
  std::string out = draw_clear_zone(profile, box);
  if (!carries_code) return out + draw_zone_behind_code(profile, box);
  if (profile.code == CodeKind::omr) return out + draw_bars(profile, omr_bars(profile, sheet), box);
  const ModuleMatrix modules = datamatrix_modules(datamatrix_payload(sheet));
  check_fits(profile, modules, sheet);
  return out + draw_modules(profile, modules, box);
}

}  // namespace kuvert

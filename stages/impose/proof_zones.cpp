#include "stages/impose/proof_zones.hpp"

#include <cstdio>
#include <iterator>

#include "pipeline/model/a4_sheet.hpp"
#include "pipeline/model/din5008.hpp"
#include "pipeline/model/envelope_window.hpp"

namespace kuvert {
namespace {

RectMm inset(const RectMm& box, double by) { return {box.x + by, box.y + by, box.width - 2 * by, box.height - 2 * by}; }

// The inserter's zones on the side it reads (mirrored on a back, as the
// imposer paints the clear zone there too).
void inserter_zones(const ProofPage& page, std::vector<ProofZone>& zones) {
  const InserterProfile& inserter = *page.inserter;
  const auto mirrored = [&](RectMm box) {
    if (page.back) box.x = kA4WidthMm - box.x - box.width;
    return box;
  };
  zones.push_back({ZoneKind::inserter, mirrored(inserter.clear_zone), false, false, "inserter clear zone"});
  const bool read_side = (inserter.side == SheetSide::back) == page.back;
  if (!read_side || inserter.code != CodeKind::omr) return;
  for (std::size_t i = 0; i < inserter.positions.size(); ++i) {
    const double centre = inserter.first_mark_y_mm + static_cast<double>(i) * inserter.pitch_mm;
    zones.push_back({ZoneKind::inserter,
                     mirrored({inserter.bar_x_mm, centre - inserter.bar_thickness_mm / 2, inserter.bar_length_mm,
                               inserter.bar_thickness_mm}),
                     false, true, ""});
  }
}

}  // namespace

std::vector<ProofZone> proof_zones(const ProofPage& page) {
  std::vector<ProofZone> zones;
  zones.push_back({ZoneKind::printable, inset({0, 0, kA4WidthMm, kA4HeightMm}, kUnprintableBorderMm), false, true,
                   "printable area"});
  if (page.faces_window) {
    const double top = din5008::geometry(page.form).address_field_y;
    const RectMm field{din5008::kAddressFieldX, top, din5008::kAddressFieldWidth, din5008::kAddressFieldHeight};
    std::string label = "address field, DIN 5008 form ";
    label += page.form == LetterForm::a ? "A" : "B";
    label += "; return address above the line";
    zones.push_back({ZoneKind::address, field, false, false, label});
    zones.push_back({ZoneKind::address, {field.x, top + din5008::kReturnZoneHeight, field.width, 0}, true, false, ""});
    zones.push_back({ZoneKind::address, {din5008::kAddressTextX, top, 0, field.height}, true, true, ""});
    if (page.envelope != nullptr)
      if (const auto window = visible_window(*page.envelope, page.form)) {
        zones.push_back({ZoneKind::window, *window, false, false,
                         "window of " + page.envelope->format + " wherever the sheet lies; dashed: 3 mm to spare"});
        zones.push_back({ZoneKind::window, inset(*window, 3), false, true, ""});
      }
  }
  if (page.envelope != nullptr)
    for (const double fold : sheet_folds(*page.envelope, page.form))
      zones.push_back({ZoneKind::fold, {0, fold, kA4WidthMm, 0}, true, true, "fold"});
  if (!page.back) zones.push_back({ZoneKind::fold, {0, din5008::kHoleMark, 12, 0}, true, false, ""});
  if (page.inserter != nullptr) inserter_zones(page, zones);
  return zones;
}

const char* zone_colour(ZoneKind kind) {
  static const char* const kColours[] = {"0 0.35 0.85",    "0.85 0 0",  "0.95 0.5 0",
                                         "0.45 0.45 0.45", "0 0.6 0.3", "0.6 0 0.6"};
  return kColours[static_cast<int>(kind)];
}

const char* zone_name(ZoneKind kind) {
  static const char* const kNames[] = {"address", "window", "inserter", "fold", "printable", "split"};
  static_assert(std::size(kNames) == static_cast<std::size_t>(ZoneKind::split) + 1);
  return kNames[static_cast<int>(kind)];
}

std::string zone_outlines(const std::vector<ProofZone>& zones) {
  std::string ops = "q 0.6 w\n";
  char line[160];
  for (const auto& zone : zones) {
    const auto pt = [](double mm) { return mm * kPointsPerMm; };
    const double x = pt(zone.box.x), y = pt(kA4HeightMm - zone.box.y);
    std::snprintf(line, sizeof line, "%s RG %s d\n", zone_colour(zone.kind), zone.dashed ? "[3 2] 0" : "[] 0");
    ops += line;
    if (zone.line)
      std::snprintf(line, sizeof line, "%.2f %.2f m %.2f %.2f l S\n", x, y, x + pt(zone.box.width),
                    y - pt(zone.box.height));
    else
      std::snprintf(line, sizeof line, "%.2f %.2f %.2f %.2f re S\n", x, y - pt(zone.box.height), pt(zone.box.width),
                    pt(zone.box.height));
    ops += line;
  }
  return ops + "Q\n";
}

}  // namespace kuvert

#pragma once
// Control marks as PDF content-stream operators. Profiles measure in mm
// from the sheet's top-left corner; PDF measures in points from the bottom
// left, so a position (x, y) lands at (llx + x, ury - y) of the page's media
// box. Numbers have at most 3 decimals and always a '.', whatever the
// locale. Every rectangle is a "x y w h re f" with edges rounded first, so
// neighbouring modules meet without hairline gaps. Pure functions.
#include <string>
#include <vector>

#include "pipeline/model/a4_sheet.hpp"
#include "pipeline/model/inserter_profile.hpp"
#include "pipeline/pdf/pdf_object.hpp"
#include "stages/impose/control_marks.hpp"
#include "stages/impose/datamatrix_code.hpp"

namespace kuvert {

// A page's media box in PDF points.
struct PageBox {
  double llx = 0, lly = 0, urx = 0, ury = 0;
};
// The page kuvert adds where a sheet side has no page: A4 portrait.
inline constexpr PageBox kBlankA4{0, 0, kA4WidthPt, kA4HeightPt};

// The operators for one side of a sheet: the clear zone filled white, then,
// when `carries_code`, the profile's bars or DataMatrix in black. The side
// without the code also keeps white what lies behind the code on a sheet
// turned over its long edge (the zone mirrored at the sheet's centre line),
// so nothing printed there shows through to the reader. Throws
// Error(ErrorKind::input) when a DataMatrix with its quiet zone outgrows the
// clear zone (ids too long for the profile), Error(ErrorKind::internal) as
// omr_bars and the DataMatrix functions do.
std::string draw_side_marks(const InserterProfile& profile, const SheetContext& sheet, const PageBox& box,
                            bool carries_code);

// The parts, each a complete sequence of operators.
std::string draw_clear_zone(const InserterProfile& profile, const PageBox& box);
std::string draw_zone_behind_code(const InserterProfile& profile, const PageBox& box);
std::string draw_bars(const InserterProfile& profile, const std::vector<bool>& bars, const PageBox& box);
// Dark modules row by row, each horizontal run of them as one rectangle.
std::string draw_modules(const InserterProfile& profile, const ModuleMatrix& modules, const PageBox& box);


}  // namespace kuvert

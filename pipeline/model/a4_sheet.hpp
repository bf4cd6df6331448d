#pragma once
// The sheet kuvert prints on: A4 portrait (DIN 5008 letters), in the
// millimetres of profiles and layouts and the points of PDF user space.

namespace kuvert {

inline constexpr double kA4WidthMm = 210;
inline constexpr double kA4HeightMm = 297;
inline constexpr double kPointsPerMm = 72 / 25.4;
inline constexpr double kMmPerPoint = 25.4 / 72;
// As PDF files write them (210 and 297 mm to three decimals).
inline constexpr double kA4WidthPt = 595.276;
inline constexpr double kA4HeightPt = 841.89;

}  // namespace kuvert

#pragma once
// Where DIN 5008 puts things on an A4 letter (DOMAIN.md, letter sheet), in
// mm from the top left corner of the sheet.
#include "pipeline/model/letter_layout.hpp"

namespace kuvert::din5008 {

inline constexpr double kLeftMargin = kLetterLeftMarginMm;
inline constexpr double kRightMargin = kLetterRightMarginMm;
inline constexpr double kTextWidth = kLetterTextWidthMm;  // 165
inline constexpr double kLastTextLine = 257;

// The address field: 85 x 45 mm at x 20; the return-address zone its top
// 17.7 mm (8 pt, filled bottom-up), the recipient zone the remaining
// 27.3 mm (at most 6 lines, top-down, at least 8 pt). Text starts 5 mm in.
inline constexpr double kAddressFieldX = 20;
inline constexpr double kAddressFieldWidth = 85;
inline constexpr double kAddressFieldHeight = 45;
inline constexpr double kAddressTextX = kAddressFieldX + 5;
inline constexpr double kAddressTextWidth = kAddressFieldWidth - 5;
inline constexpr double kReturnZoneHeight = 17.7;
inline constexpr double kRecipientZoneHeight = 27.3;
inline constexpr double kReturnAddressSize = 8;
// DIN 5008 allows 8 pt, but Deutsche Post's readers want capitals at least
// 2.3 mm high, and a return line clearly smaller than the address: the
// recipient is never set smaller than the size that gives its font's
// capitals this height (9.5 pt in Liberation Sans).
inline constexpr double kMinimumCapHeightMm = 2.3;

inline constexpr double kInfoBlockX = 125;
inline constexpr double kInfoBlockWidth = 210 - 10 - kInfoBlockX;  // to 10 mm from the right edge

inline constexpr double kHoleMark = 148.5;

struct FormGeometry {
  double address_field_y;
  double info_block_y;
  double fold_marks[2];
};

inline constexpr FormGeometry geometry(LetterForm form) {
  return form == LetterForm::a ? FormGeometry{27, 32, {87, 192}} : FormGeometry{45, 50, {105, 210}};
}

}  // namespace kuvert::din5008

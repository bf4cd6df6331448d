#pragma once
// Glyph widths of the PDF standard fonts (Helvetica, Times, Courier and
// their bold and italic faces), which a PDF may name without widths or a
// font program. They are taken from the Liberation fonts, which are made
// metric-compatible with them, per WinAnsi code in thousandths of an em.
#include <array>
#include <optional>
#include <string_view>

namespace kuvert::pdf {

using CodeWidths = std::array<double, 256>;

// Whether a /BaseFont names one of the 14 standard fonts (a subset
// prefix "ABCDEF+" aside).
bool is_standard_font(std::string_view base_font);

// Nothing for another font, or when the Liberation fonts are not installed.
std::optional<CodeWidths> standard_font_widths(std::string_view base_font);

}  // namespace kuvert::pdf

#pragma once
// What the codes of a simple (one-byte) font stand for when it has no
// /ToUnicode CMap: the named encodings of the PDF standard (WinAnsi,
// MacRoman, Standard), changed by /Differences, whose glyph names are read
// through the Adobe Glyph List's names for the Latin letters and signs
// these encodings hold, and the uniXXXX / uXXXX[XX] forms.
#include <array>
#include <optional>
#include <string_view>

namespace kuvert::pdf {

// A code's Unicode scalar value, 0 where the encoding has none.
using CodeUnicode = std::array<char32_t, 256>;

// "WinAnsiEncoding", "MacRomanEncoding" or "StandardEncoding"; nothing for
// any other name.
std::optional<CodeUnicode> named_encoding(std::string_view name);

// A glyph name's Unicode value, or nothing for a name the list does not
// hold (a font's own names like "g12" among them).
std::optional<char32_t> glyph_name_unicode(std::string_view name);

}  // namespace kuvert::pdf

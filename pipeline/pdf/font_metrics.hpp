#pragma once
// What content interpretation needs of a font: how far each glyph
// advances, how high and low its glyphs reach, whether its program is in
// the file, and what its codes stand for in Unicode (from its /ToUnicode
// CMap, else its encoding: simple_encoding.hpp).
#include <podofo/base/PdfVariant.h>

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pipeline/pdf/to_unicode_cmap.hpp"

namespace kuvert::pdf {

class PdfObjectReader;

inline constexpr std::uint32_t kMaxCidWidths = 65536;

// In thousandths of an em (glyph space scaled).
struct FontMetrics {
  bool two_bytes = false;  // Identity-H/V composite fonts
  std::vector<double> widths = std::vector<double>(256, 1100);
  std::unordered_map<std::uint32_t, double> cid_widths;
  double default_width = 1100;           // no widths known: wider than any Latin glyph
  double descent = -300, ascent = 1100;  // the glyphs' reach, for ink (never less)
  // The line's reach as a text layout sees it (the descriptor's /Ascent
  // and /Descent, or the standard fonts' own), for words' boxes.
  double text_descent = -350, text_ascent = 950;
  std::string name;       // its /BaseFont
  bool embedded = true;   // a font program in the file (or a Type 3 font's glyphs)
  bool standard = false;  // one of the 14 standard fonts, by name
  bool vertical = false;  // Identity-V: written top to bottom
  // What its codes stand for, read when text is asked for (read_font_text):
  // the text of each code known, and for a one-byte font which codes are
  // known (a code of no glyph in its encoding is known to stand for
  // nothing). A two-byte font knows the codes its /ToUnicode map gives;
  // a symbolic font, a Type 1 program's own encoding and a composite font
  // of another CMap than Identity know none.
  bool text_read = false;
  CodeText text;
  std::bitset<256> known_codes;

  double width(std::uint32_t code) const {
    if (!two_bytes) return code < widths.size() ? widths[code] : default_width;
    const auto found = cid_widths.find(code);
    return found == cid_widths.end() ? default_width : found->second;
  }
  // Nothing for a code the font does not say the meaning of.
  std::optional<std::string_view> text_of(std::uint32_t code) const {
    if (!two_bytes && (code >= 256 || !known_codes[code])) return std::nullopt;
    const auto found = text.find(code);
    if (found != text.end()) return std::string_view(found->second);
    return two_bytes ? std::nullopt : std::optional<std::string_view>(std::string_view());
  }
};

// A font dictionary read (a default font for anything else), its text
// not yet.
FontMetrics read_font(const PoDoFo::PdfVariant& font, PdfObjectReader& reader);
// What its codes stand for (the ink check needs none of it).
void read_font_text(const PoDoFo::PdfVariant& font, PdfObjectReader& reader, FontMetrics& metrics);

// Latin ligatures (U+FB00 to U+FB06) as their letters, as text extraction
// gives them: a pattern for "Kaufmann" need not know the font set "ff".
std::string with_ligatures_as_letters(std::string_view text);

// Codes a page's fonts may describe (widths and texts; each font read
// counts kFontCost besides), and those kept between pages: a font
// dictionary of a few bytes can describe 65,536 codes, and a hostile file
// can hold thousands of them.
inline constexpr std::size_t kMaxPageFontCodes = std::size_t{1} << 20;
inline constexpr std::size_t kMaxKeptFontCodes = kMaxPageFontCodes;
inline constexpr std::size_t kFontCost = 256;

// The fonts of a file, read once for all the pages that use them (a
// composed spool's pages share a few large fonts). One per file.
class FontMetricsCache {
 public:
  // Before each page: forgets the fonts when they describe more than
  // kMaxKeptFontCodes codes.
  void start_page();
  // The font object `number`, read on first use (its text too, `with_text`);
  // a font given in place (`number` 0), read for this page. Throws
  // kuvert::Error(input) when the page's fonts describe more than
  // kMaxPageFontCodes codes.
  const FontMetrics& font(std::uint32_t number, const PoDoFo::PdfVariant& font, PdfObjectReader& reader,
                          bool with_text);

 private:
  void count(std::size_t codes, PdfObjectReader& reader);

  std::unordered_map<std::uint32_t, FontMetrics> by_object_;
  std::deque<FontMetrics> in_place_;  // this page's fonts given in place
  std::size_t kept_codes_ = 0, page_codes_ = 0;
};

}  // namespace kuvert::pdf

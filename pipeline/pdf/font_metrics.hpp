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
#include <memory>
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
  // The text of its codes. `text_known`: a code not in `text` stands for
  // nothing; false when the font says nothing of what they mean (a
  // symbolic font or a composite one without /ToUnicode). A simple font's
  // codes whose glyph names the list lacks are unknown too.
  CodeText text;
  bool text_known = false;
  std::bitset<256> unknown_codes;

  double width(std::uint32_t code) const {
    if (!two_bytes) return code < widths.size() ? widths[code] : default_width;
    const auto found = cid_widths.find(code);
    return found == cid_widths.end() ? default_width : found->second;
  }
  bool knows(std::uint32_t code) const { return text_known && (code >= 256 || !unknown_codes[code]); }
  std::string_view text_of(std::uint32_t code) const {
    const auto found = text.find(code);
    return found == text.end() ? std::string_view() : std::string_view(found->second);
  }
};

// A font dictionary read (a default font for anything else).
FontMetrics read_font(const PoDoFo::PdfVariant& font, PdfObjectReader& reader);

// Codes a page's fonts may describe (widths and texts) in all, and those
// kept between pages: a font dictionary of a few bytes can describe 65,536
// codes, and a hostile file can hold thousands of them.
inline constexpr std::size_t kMaxPageFontCodes = std::size_t{1} << 21;
inline constexpr std::size_t kMaxKeptFontCodes = std::size_t{1} << 20;

// The fonts of a file, read once for all the pages that use them (a
// composed spool's pages share a few large fonts). One per file.
class FontMetricsCache {
 public:
  // Before each page: forgets the fonts when they describe more than
  // kMaxKeptFontCodes codes.
  void start_page();
  // The font object `number`, read on first use; a font given in place
  // (`number` 0), read for this page. Throws kuvert::Error(input) when the
  // page's fonts describe more than kMaxPageFontCodes codes.
  const FontMetrics& font(std::uint32_t number, const PoDoFo::PdfVariant& font, PdfObjectReader& reader);

 private:
  std::unordered_map<std::uint32_t, FontMetrics> by_object_;
  std::deque<FontMetrics> in_place_;  // this page's fonts given in place
  std::size_t kept_codes_ = 0, page_codes_ = 0;
};

}  // namespace kuvert::pdf

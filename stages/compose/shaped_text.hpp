#pragma once
// Text shaped with HarfBuzz (kerning and ligatures on): glyphs and their
// advances, in runs of one font each. Every character is set in the first
// font of the chain that has it.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "stages/compose/font_set.hpp"

namespace kuvert::compose {

struct ShapedGlyph {
  std::uint32_t glyph = 0;
  std::int32_t advance = 0;   // font units, kerning included
  std::uint32_t cluster = 0;  // byte offset in the text where the glyph's characters begin
};

// Consecutive glyphs in one font.
struct GlyphRun {
  FontIndex font = 0;
  std::vector<ShapedGlyph> glyphs;
};

struct ShapedText {
  std::string text;  // the UTF-8 that was shaped
  std::vector<GlyphRun> runs;

  // Width in points at `size` points.
  double width(const FontSet& fonts, double size) const;
  // The characters each glyph stands for (a ligature stands for several,
  // the second glyph of a decomposed character for none), for ToUnicode.
  std::string text_of(const GlyphRun& run, std::size_t glyph) const;
};

// Why `text` cannot be set in `font`: "has U+20AC (€), which no font of
// \"sans\" has" for the first character no font of its chain has, "is not
// UTF-8 text"; empty when it can be set.
std::string unsettable(const FontSet& fonts, FontIndex font, std::string_view text);

// Shapes `text` in `font`. Throws kuvert::Error (input) when a character is
// in no font of the chain ("has U+20AC (€), which no font of \"sans\"
// has") or the text is not UTF-8; the caller adds the record and field.
ShapedText shape(const FontSet& fonts, FontIndex font, std::string_view text);

}  // namespace kuvert::compose

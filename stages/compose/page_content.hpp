#pragma once
// A page's content stream being built: shaped text and simple rules, in
// points from the page's lower left corner, with the glyphs each font shows
// recorded for embedding.
#include <string>
#include <vector>

#include "stages/compose/embedded_font.hpp"
#include "stages/compose/shaped_text.hpp"

namespace kuvert::compose {

// The glyphs shown in each font of a FontSet, by FontIndex.
class GlyphUsage {
 public:
  void add(FontIndex font, std::uint32_t glyph, const std::string& text);
  // Whether a glyph already has its text: most of a page's glyphs do, and
  // then neither needs working out again.
  bool knows(FontIndex font, std::uint32_t glyph) const;
  void merge(const GlyphUsage& other);
  // Empty for a font nothing was shown in.
  const GlyphTexts& glyphs(FontIndex font) const;

 private:
  std::vector<GlyphTexts> fonts_;
  std::vector<std::vector<bool>> known_;  // by font and glyph: has text
};

class PageContent {
 public:
  // Shows `text` at `size` points with its baseline starting at (x, y). The
  // fonts are named /F0, /F1, ... by FontIndex.
  void text(const FontSet& fonts, const ShapedText& text, double x, double y, double size, GlyphUsage& usage);
  // The XObject /`name`, its space mapped by [scale_x 0 0 scale_y x y].
  void xobject(const std::string& name, double scale_x, double scale_y, double x, double y);
  // A straight line `width` points thick.
  void line(double x1, double y1, double x2, double y2, double width);

  const std::string& operators() const { return ops_; }

 private:
  std::string ops_;
};

// "/F0 3 0 R /F1 9 0 R": the font resources of a page, for the fonts in
// `numbers` (by FontIndex; 0 for a font not embedded).
std::string font_resources(const std::vector<std::uint32_t>& numbers);

}  // namespace kuvert::compose

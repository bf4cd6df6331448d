#pragma once
// A page of plain text for the print room (posting lists, run tickets,
// banner and separator sheets): lines in the "sans" and "sans-bold" fonts
// of fonts.toml at given places, numbers aligned right, and rules, in
// points from the page's lower left corner. One page at a time shares the
// fonts, the setter and the record of glyphs shown with the file's others.
#include <string>
#include <vector>

#include "pipeline/model/font_catalog.hpp"
#include "stages/compose/font_set.hpp"
#include "stages/compose/page_content.hpp"
#include "stages/compose/text_setter.hpp"

namespace kuvert {

// The fonts text pages set in, opened once per file, with the glyphs the
// file's pages show (for embedding them).
struct TextFonts {
  explicit TextFonts(const FontCatalog& catalog) : set(catalog, {"sans", "sans-bold"}), setter(set) {}
  compose::FontSet set;
  compose::TextSetter setter;
  compose::GlyphUsage usage;
};

class TextPage {
 public:
  explicit TextPage(TextFonts& fonts);

  void text(const std::string& text, double x, double y, double size, bool bold = false);
  // Right-aligned at `right`.
  void number(const std::string& text, double right, double y, double size, bool bold = false);
  // The width `text` takes.
  double width(const std::string& text, double size, bool bold = false);
  // `text` cut (with "…") to `width` points, at a character.
  std::string fitted(const std::string& text, double size, double width, bool bold = false);
  // `paragraph` in lines of at most `width` points from (x, y) down, `leading`
  // apart; returns the baseline below the last.
  double paragraph(const std::string& paragraph, double x, double y, double size, double width, double leading);
  void rule(double y, double left = 56, double right = 540, double width = 0.5);
  // Operators of its own (a code's modules) drawn after the text.
  void draw(const std::string& operators) { drawn_ += operators; }
  std::string operators() const { return content_.operators() + drawn_; }

 private:
  TextFonts& fonts_;
  compose::FontIndex regular_, bold_;
  compose::PageContent content_;
  std::string drawn_;
};

}  // namespace kuvert

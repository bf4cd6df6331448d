#include "stages/compose/page_content.hpp"

#include "pipeline/pdf/pdf_object.hpp"
#include "pipeline/model/concat.hpp"

namespace kuvert::compose {
namespace {

void put_number(std::string& out, double value) { out += pdf_number(value); }

}  // namespace

void GlyphUsage::add(FontIndex font, std::uint32_t glyph, const std::string& text) {
  if (fonts_.size() <= font) {
    fonts_.resize(font + 1u);
    known_.resize(font + 1u);
  }
  auto& texts = fonts_[font];
  // A glyph keeps the first text seen for it; the same glyph for another
  // text (rare: two characters drawn alike) maps to one of them. A glyph
  // seen only without text (the second glyph of a decomposed character)
  // stays open for one with text.
  auto& entry = texts[glyph];
  if (!entry.empty() || text.empty()) return;
  entry = text;
  auto& known = known_[font];
  if (known.size() <= glyph) known.resize(glyph + 1u);
  known[glyph] = true;
}

bool GlyphUsage::knows(FontIndex font, std::uint32_t glyph) const {
  return font < known_.size() && glyph < known_[font].size() && known_[font][glyph];
}

void GlyphUsage::merge(const GlyphUsage& other) {
  for (std::size_t font = 0; font < other.fonts_.size(); ++font)
    for (const auto& [glyph, text] : other.fonts_[font]) add(static_cast<FontIndex>(font), glyph, text);
}

const GlyphTexts& GlyphUsage::glyphs(FontIndex font) const {
  static const GlyphTexts none;
  return font < fonts_.size() ? fonts_[font] : none;
}

void PageContent::text(const FontSet& fonts, const ShapedText& text, double x, double y, double size,
                       GlyphUsage& usage) {
  ops_ += "BT ";
  put_number(ops_, x);
  ops_ += ' ';
  put_number(ops_, y);
  ops_ += " Td";
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (const auto& run : text.runs) {
    const FontFace& face = fonts.face(run.font);
    ops_ += concat(" /F", std::to_string(run.font), " ");
    put_number(ops_, size);
    ops_ += " Tf [<";
    for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
      const ShapedGlyph& glyph = run.glyphs[i];
      for (int shift = 12; shift >= 0; shift -= 4) ops_ += kHex[(glyph.glyph >> shift) & 0xF];
      if (!usage.knows(run.font, glyph.glyph)) usage.add(run.font, glyph.glyph, text.text_of(run, i));
      // The PDF advances by the glyph's width; HarfBuzz's advance carries
      // the kerning on top, which TJ adds (in thousandths of an em, negative
      // to the right).
      const std::int32_t kerning = glyph.advance - face.advance(glyph.glyph);
      if (kerning != 0 && i + 1 < run.glyphs.size()) {
        ops_ += "> ";
        put_number(ops_, -static_cast<double>(kerning) * 1000.0 / face.units_per_em());
        ops_ += " <";
      }
    }
    ops_ += ">] TJ";
  }
  ops_ += " ET\n";
}

void PageContent::xobject(const std::string& name, double scale_x, double scale_y, double x, double y) {
  ops_ += concat("q ", pdf_number(scale_x), " 0 0 ", pdf_number(scale_y), " ", pdf_number(x), " ", pdf_number(y),
                 " cm /", name, " Do Q\n");
}

void PageContent::line(double x1, double y1, double x2, double y2, double width) {
  put_number(ops_, width);
  ops_ += " w ";
  put_number(ops_, x1);
  ops_ += ' ';
  put_number(ops_, y1);
  ops_ += " m ";
  put_number(ops_, x2);
  ops_ += ' ';
  put_number(ops_, y2);
  ops_ += " l S\n";
}

std::string font_resources(const std::vector<std::uint32_t>& numbers) {
  std::string entries;
  for (std::size_t font = 0; font < numbers.size(); ++font) {
    if (numbers[font] == 0) continue;
    if (!entries.empty()) entries += ' ';
    entries += concat("/F", std::to_string(font), " ", pdf_reference(numbers[font]));
  }
  return entries;
}

}  // namespace kuvert::compose

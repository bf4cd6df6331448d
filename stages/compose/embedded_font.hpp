#pragma once
// Embedding a font in a PDF as DESIGN's composed letters need it: a Type 0
// font with Identity-H encoding over a CIDFontType2 whose CIDs are the
// glyph ids (CIDToGIDMap /Identity), the font program cut down to the glyphs
// used (HarfBuzz subsetting, glyph ids kept) and a ToUnicode map, so that
// text extracted from the PDF is the text that was set, ligatures included.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "pipeline/pdf/pdf_object.hpp"
#include "stages/compose/font_face.hpp"

namespace kuvert::compose {

// The glyphs of one font a PDF file shows, each with the text it stands for.
using GlyphTexts = std::map<std::uint32_t, std::string>;

struct FontObjects {
  std::uint32_t font = 0;  // the Type 0 font, which pages name in /Resources
  std::uint32_t cid_font = 0;
  std::uint32_t descriptor = 0;
  std::uint32_t program = 0;
  std::uint32_t to_unicode = 0;
};

// The five objects that embed `face` with `glyphs`, numbered as `numbers`
// says. Throws std::runtime_error when HarfBuzz cannot subset the font.
std::vector<PdfObjectBytes> embed_font(const FontFace& face, const GlyphTexts& glyphs, const FontObjects& numbers);

}  // namespace kuvert::compose

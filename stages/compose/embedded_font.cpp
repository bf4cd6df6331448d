#include "stages/compose/embedded_font.hpp"

#include <hb-subset.h>

#include <cmath>
#include <cstdio>
#include <functional>
#include <stdexcept>

#include "pipeline/pdf/pdf_object.hpp"
#include "pipeline/model/utf8.hpp"
#include "pipeline/model/concat.hpp"

namespace kuvert::compose {
namespace {

// Thousandths of an em, as PDF widths and font metrics are given.
long per_mille(double units, unsigned units_per_em) { return std::lround(units * 1000.0 / units_per_em); }

// Six capitals that name this subset (PDF 9.6.4): the same glyphs give the
// same tag, so equal input gives equal output.
std::string subset_tag(const GlyphTexts& glyphs) {
  std::string key;
  for (const auto& entry : glyphs) key += std::to_string(entry.first) + ',';
  std::size_t hash = std::hash<std::string>{}(key);
  std::string tag;
  for (int i = 0; i < 6; ++i, hash /= 26) tag += static_cast<char>('A' + hash % 26);
  return tag;
}

// The font program with only `glyphs` (and .notdef), glyph ids unchanged.
std::string subset_program(const FontFace& face, const GlyphTexts& glyphs) {
  hb_subset_input_t* input = hb_subset_input_create_or_fail();
  if (input == nullptr) throw std::runtime_error("HarfBuzz cannot subset fonts (out of memory)");
  hb_set_t* set = hb_subset_input_glyph_set(input);
  for (const auto& entry : glyphs) hb_set_add(set, entry.first);
  hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS);
  hb_face_t* subset = hb_subset_or_fail(face.hb_face(), input);
  hb_subset_input_destroy(input);
  if (subset == nullptr) throw std::runtime_error(concat("HarfBuzz could not subset the font ", face.name()));
  hb_blob_t* blob = hb_face_reference_blob(subset);
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob, &length);
  std::string program(data, length);
  hb_blob_destroy(blob);
  hb_face_destroy(subset);
  return program;
}

std::string to_unicode_cmap(const GlyphTexts& glyphs) {
  std::string entries;
  std::size_t count = 0;
  std::string cmap =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  const auto flush = [&] {
    if (count == 0) return;
    cmap += concat(std::to_string(count), " beginbfchar\n", entries, "endbfchar\n");
    entries.clear();
    count = 0;
  };
  char code[8];
  for (const auto& [glyph, text] : glyphs) {
    if (text.empty()) continue;
    std::snprintf(code, sizeof code, "%04X", static_cast<unsigned>(glyph));
    entries += concat("<", code, "> <", utf16_hex(text), ">\n");
    if (++count == 100) flush();  // at most 100 mappings per block
  }
  flush();
  cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return cmap;
}

// /W: runs of consecutive glyph ids with their widths.
std::string widths(const FontFace& face, const GlyphTexts& glyphs) {
  std::string w = "[";
  std::int64_t run_end = -2;
  for (const auto& entry : glyphs) {
    const std::uint32_t glyph = entry.first;
    if (static_cast<std::int64_t>(glyph) != run_end + 1) {
      if (run_end >= 0) w += "]";
      w += concat(" ", std::to_string(glyph), " [");
    } else {
      w += " ";
    }
    w += std::to_string(per_mille(face.advance(glyph), face.units_per_em()));
    run_end = glyph;
  }
  if (run_end >= 0) w += "]";
  return w + " ]";
}

}  // namespace

std::vector<PdfObjectBytes> embed_font(const FontFace& face, const GlyphTexts& glyphs, const FontObjects& numbers) {
  const std::string name = concat("/", subset_tag(glyphs), "+", face.postscript_name());
  const FontMetrics& m = face.metrics();
  const unsigned upem = face.units_per_em();
  const auto mille = [&](int units) { return std::to_string(per_mille(units, upem)); };
  const int flags = 32 /* nonsymbolic */ | (m.fixed_pitch ? 1 : 0) | (m.italic_angle != 0 ? 64 : 0);
  const std::string program = subset_program(face, glyphs);

  std::vector<PdfObjectBytes> objects;
  objects.push_back({numbers.font, concat("<< /Type /Font /Subtype /Type0 /BaseFont ", name,
                                          " /Encoding /Identity-H /DescendantFonts [", pdf_reference(numbers.cid_font),
                                          "] /ToUnicode ", pdf_reference(numbers.to_unicode), " >>")});
  objects.push_back(
      {numbers.cid_font,
       concat("<< /Type /Font /Subtype /CIDFontType2 /BaseFont ", name,
              " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
              " /FontDescriptor ",
              pdf_reference(numbers.descriptor), " /CIDToGIDMap /Identity /W ", widths(face, glyphs), " >>")});
  objects.push_back(
      {numbers.descriptor,
       concat("<< /Type /FontDescriptor /FontName ", name, " /Flags ", std::to_string(flags), " /FontBBox [",
              mille(m.x_min), " ", mille(m.y_min), " ", mille(m.x_max), " ", mille(m.y_max), "] /ItalicAngle ",
              pdf_number(m.italic_angle), " /Ascent ", mille(m.ascender), " /Descent ", mille(m.descender),
              " /CapHeight ", mille(m.cap_height), " /StemV 80 /FontFile2 ", pdf_reference(numbers.program), " >>")});
  objects.push_back({numbers.program, flate_stream(concat("/Length1 ", std::to_string(program.size())), program)});
  objects.push_back({numbers.to_unicode, flate_stream("", to_unicode_cmap(glyphs))});
  return objects;
}

}  // namespace kuvert::compose

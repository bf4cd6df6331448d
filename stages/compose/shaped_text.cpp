#include "stages/compose/shaped_text.hpp"

#include <hb.h>

#include <algorithm>
#include <cstdio>
#include <memory>

#include "pipeline/model/error.hpp"
#include "pipeline/model/utf8.hpp"

namespace kuvert::compose {
namespace {

std::string code_of(char32_t cp) {
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
  return code;
}

bool is_mark(char32_t cp) {
  const auto category = hb_unicode_general_category(hb_unicode_funcs_get_default(), cp);
  return category == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK ||
         category == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK || category == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK;
}

struct BufferRelease {
  void operator()(hb_buffer_t* buffer) const { hb_buffer_destroy(buffer); }
};

// A stretch of the text set in one font.
struct Segment {
  FontIndex font;
  std::size_t begin, end;
};

}  // namespace

double ShapedText::width(const FontSet& fonts, double size) const {
  double total = 0;
  for (const auto& run : runs) {
    std::int64_t units = 0;
    for (const auto& glyph : run.glyphs) units += glyph.advance;
    total += static_cast<double>(units) * size / fonts.face(run.font).units_per_em();
  }
  return total;
}

std::string ShapedText::text_of(const GlyphRun& run, std::size_t glyph) const {
  const std::uint32_t begin = run.glyphs[glyph].cluster;
  if (glyph > 0 && run.glyphs[glyph - 1].cluster == begin) return "";
  // The text runs to the next larger cluster anywhere in the line: glyphs
  // come in logical order here (left-to-right text).
  std::uint32_t end = static_cast<std::uint32_t>(text.size());
  for (const auto& other : runs)
    for (const auto& g : other.glyphs)
      if (g.cluster > begin && g.cluster < end) end = g.cluster;
  return text.substr(begin, end - begin);
}

std::string unsettable(const FontSet& fonts, FontIndex font, std::string_view text) {
  const auto& chain = fonts.chain(font);
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t begin = pos;
    const char32_t cp = next_code_point(text, pos);
    if (cp == kNotUtf8) return "is not UTF-8 text";
    if (is_control_character(cp)) return "has the control character " + code_of(cp) + ", which a letter cannot show";
    if (std::none_of(chain.begin(), chain.end(), [&](FontIndex f) { return fonts.face(f).glyph(cp).has_value(); })) {
      std::string message = "has " + code_of(cp);
      message += " (";
      message += text.substr(begin, pos - begin);
      message += "), which no font of \"";
      message += fonts.face(font).name();
      return message += "\" has";
    }
  }
  return "";
}

ShapedText shape(const FontSet& fonts, FontIndex font, std::string_view text) {
  ShapedText shaped;
  shaped.text.assign(text);
  const auto& chain = fonts.chain(font);
  std::vector<Segment> segments;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t begin = pos;
    const char32_t cp = next_code_point(text, pos);
    // A combining mark stays with its base character's font if it can.
    const FontIndex* chosen = nullptr;
    if (cp != kNotUtf8 && is_mark(cp) && !segments.empty() && fonts.face(segments.back().font).glyph(cp))
      chosen = &segments.back().font;
    for (std::size_t i = 0; cp != kNotUtf8 && chosen == nullptr && i < chain.size(); ++i)
      if (fonts.face(chain[i]).glyph(cp)) chosen = &chain[i];
    if (chosen == nullptr) throw_input(Where{}, unsettable(fonts, font, text.substr(begin)));
    if (!segments.empty() && segments.back().font == *chosen)
      segments.back().end = pos;
    else
      segments.push_back({*chosen, begin, pos});
  }
  std::unique_ptr<hb_buffer_t, BufferRelease> buffer(hb_buffer_create());
  for (const auto& segment : segments) {
    hb_buffer_clear_contents(buffer.get());
    // The whole text goes in as context; clusters are byte offsets into it.
    hb_buffer_add_utf8(buffer.get(), text.data(), static_cast<int>(text.size()), static_cast<unsigned>(segment.begin),
                       static_cast<int>(segment.end - segment.begin));
    static const hb_language_t german = hb_language_from_string("de", -1);  // looked up once
    hb_buffer_set_language(buffer.get(), german);
    hb_buffer_guess_segment_properties(buffer.get());
    hb_shape(fonts.face(segment.font).hb_font(), buffer.get(), nullptr, 0);
    unsigned count = 0;
    const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(buffer.get(), &count);
    const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(buffer.get(), &count);
    GlyphRun run{segment.font, {}};
    run.glyphs.reserve(count);
    for (unsigned i = 0; i < count; ++i)
      run.glyphs.push_back({infos[i].codepoint, positions[i].x_advance, infos[i].cluster});
    shaped.runs.push_back(std::move(run));
  }
  return shaped;
}

}  // namespace kuvert::compose

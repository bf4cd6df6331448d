#include "stages/compose/font_face.hpp"

#include <hb-ot.h>

#include <algorithm>

#include "pipeline/model/error.hpp"

namespace kuvert::compose {
namespace {

// A big-endian integer of `bytes` bytes at `offset` of a font table.
std::int64_t read_be(const char* data, unsigned length, unsigned offset, unsigned bytes, bool is_signed) {
  if (offset + bytes > length) return 0;
  std::uint64_t value = 0;
  for (unsigned i = 0; i < bytes; ++i) value = value << 8 | static_cast<unsigned char>(data[offset + i]);
  if (is_signed && bytes < 8 && (value >> (bytes * 8 - 1)) != 0)
    return static_cast<std::int64_t>(value) - (std::int64_t{1} << (bytes * 8));
  return static_cast<std::int64_t>(value);
}

// Runs `read(data, length)` on a table of the font, if it has the table.
template <typename Read>
void with_table(hb_face_t* face, hb_tag_t tag, Read read) {
  hb_blob_t* blob = hb_face_reference_table(face, tag);
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob, &length);
  if (length > 0) read(data, length);
  hb_blob_destroy(blob);
}

}  // namespace

FontFace::FontFace(std::string name, const std::filesystem::path& file) : name_(std::move(name)) {
  Where where;
  where.file = file.string();
  where.field = name_;
  hb_blob_t* blob = hb_blob_create_from_file_or_fail(file.c_str());
  if (blob == nullptr) throw_input(where, "font file cannot be read");
  face_.reset(hb_face_create(blob, 0));
  hb_blob_destroy(blob);  // the face holds its own reference
  if (hb_face_get_glyph_count(face_.get()) == 0) throw_input(where, "is not a TrueType or OpenType font");
  bool outlines = false;
  with_table(face_.get(), HB_TAG('g', 'l', 'y', 'f'), [&](const char*, unsigned) { outlines = true; });
  if (!outlines) throw_input(where, "has no TrueType outlines (glyf); kuvert embeds TrueType-flavoured fonts");
  font_.reset(hb_font_create(face_.get()));
  units_per_em_ = hb_face_get_upem(face_.get());

  char text[128];
  unsigned size = sizeof text;
  if (hb_ot_name_get_utf8(face_.get(), HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &size, text) > 0)
    postscript_name_.assign(text, size);
  // A PDF font name must be a plain name: keep what PostScript allows.
  std::erase_if(postscript_name_, [](char c) {
    return c <= ' ' || c > '~' || std::string_view("()<>[]{}/%#").find(c) != std::string_view::npos;
  });
  if (postscript_name_.empty()) postscript_name_ = "Font";

  hb_position_t value = 0;
  if (hb_ot_metrics_get_position(font_.get(), HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &value)) metrics_.ascender = value;
  if (hb_ot_metrics_get_position(font_.get(), HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &value))
    metrics_.descender = value;
  metrics_.cap_height = metrics_.ascender;
  if (hb_ot_metrics_get_position(font_.get(), HB_OT_METRICS_TAG_CAP_HEIGHT, &value)) metrics_.cap_height = value;
  with_table(face_.get(), HB_TAG('h', 'e', 'a', 'd'), [&](const char* data, unsigned length) {
    metrics_.x_min = static_cast<int>(read_be(data, length, 36, 2, true));
    metrics_.y_min = static_cast<int>(read_be(data, length, 38, 2, true));
    metrics_.x_max = static_cast<int>(read_be(data, length, 40, 2, true));
    metrics_.y_max = static_cast<int>(read_be(data, length, 42, 2, true));
  });
  const unsigned glyphs = hb_face_get_glyph_count(face_.get());
  advances_.resize(glyphs);
  std::vector<hb_codepoint_t> ids(glyphs);
  for (unsigned i = 0; i < glyphs; ++i) ids[i] = i;
  hb_font_get_glyph_h_advances(font_.get(), glyphs, ids.data(), sizeof(hb_codepoint_t), advances_.data(),
                               sizeof(std::int32_t));
  with_table(face_.get(), HB_TAG('p', 'o', 's', 't'), [&](const char* data, unsigned length) {
    metrics_.italic_angle = static_cast<double>(read_be(data, length, 4, 4, true)) / 65536.0;
    metrics_.fixed_pitch = read_be(data, length, 12, 4, false) != 0;
  });
}

std::optional<std::uint32_t> FontFace::glyph(char32_t code_point) const {
  hb_codepoint_t glyph = 0;
  if (!hb_font_get_nominal_glyph(font_.get(), code_point, &glyph)) return std::nullopt;
  return glyph;
}

}  // namespace kuvert::compose

#pragma once
// One TrueType or OpenType font file, opened with HarfBuzz for shaping and
// for what a PDF needs to embed it. Immutable once opened, so the threads
// composing letters share one.
#include <hb.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kuvert::compose {

// Font-wide metrics in font units (FontFace::units_per_em() to the em).
struct FontMetrics {
  int ascender = 0;
  int descender = 0;  // negative below the baseline
  int cap_height = 0;
  int x_min = 0, y_min = 0, x_max = 0, y_max = 0;  // bounding box of all glyphs
  double italic_angle = 0;
  bool fixed_pitch = false;
};

class FontFace {
 public:
  // Throws kuvert::Error (input) naming the font and its file when the file
  // cannot be read or holds no font with glyph outlines.
  FontFace(std::string name, const std::filesystem::path& file);

  const std::string& name() const { return name_; }
  const std::string& postscript_name() const { return postscript_name_; }
  unsigned units_per_em() const { return units_per_em_; }
  const FontMetrics& metrics() const { return metrics_; }
  hb_font_t* hb_font() const { return font_.get(); }
  hb_face_t* hb_face() const { return face_.get(); }

  // The glyph the font's character map gives a code point, if any.
  std::optional<std::uint32_t> glyph(char32_t code_point) const;
  // A glyph's advance width in font units.
  std::int32_t advance(std::uint32_t glyph) const { return glyph < advances_.size() ? advances_[glyph] : 0; }

 private:
  struct FaceRelease {
    void operator()(hb_face_t* face) const { hb_face_destroy(face); }
  };
  struct FontRelease {
    void operator()(hb_font_t* font) const { hb_font_destroy(font); }
  };

  std::string name_;
  std::unique_ptr<hb_face_t, FaceRelease> face_;
  std::unique_ptr<hb_font_t, FontRelease> font_;
  std::string postscript_name_;
  unsigned units_per_em_ = 1000;
  FontMetrics metrics_;
  std::vector<std::int32_t> advances_;  // by glyph, read once: text setting asks for every glyph
};

}  // namespace kuvert::compose

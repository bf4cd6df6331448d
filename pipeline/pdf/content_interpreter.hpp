#pragma once
// A page's content interpreted as a viewer draws it, without rasterising:
// its content streams read with the flat lexer, the graphics and text
// state followed through q/Q, cm, the text operators and the forms the
// page draws, and what is drawn handed to a ContentVisitor: ink for the
// inserter's clear zone (page_ink), the words a split reads (page_words).
// Limits: forms nest at most kMaxFormDepth, and a page may take at most
// kMaxContentOperators operators in all (forms drawn many times count each
// time); past either the page is refused.
#include <podofo/base/PdfDictionary.h>

#include <cstdint>
#include <vector>

#include "pipeline/pdf/font_metrics.hpp"
#include "pipeline/pdf/inherited_attributes.hpp"
#include "pipeline/pdf/page_space.hpp"

namespace kuvert::pdf {

class PdfObjectReader;

inline constexpr int kMaxFormDepth = 12;
inline constexpr std::uint64_t kMaxContentOperators = 20'000'000;

struct GraphicsState {
  Matrix ctm;
  Box clip;
  bool fill_white = false, stroke_white = false;
  int fill_components = 1, stroke_components = 1;  // of the colour space; 0: not a device space
  double line_width = 1;
  double char_spacing = 0, word_spacing = 0, horizontal = 1, leading = 0, rise = 0, font_size = 0;
  int render_mode = 0;
  const FontMetrics* font = nullptr;
};

// One glyph of a shown string: its code, and where it starts and how far
// it advances along the string, in text space (spacing and Tz applied).
struct ShownGlyph {
  std::uint32_t code = 0;
  double x = 0, advance = 0;
};

struct ShownText {
  const FontMetrics& font;
  const std::vector<ShownGlyph>& glyphs;
  double advance = 0;  // of the whole string
  Matrix to_page;      // text space to page space (the rise not applied)
  const GraphicsState& state;
};

class ContentVisitor {
 public:
  virtual ~ContentVisitor() = default;
  // True once the visitor has what it looks for: interpretation stops.
  virtual bool done() const { return false; }
  // A path, image or shading that leaves ink (it is not painted white), in
  // page space, before the state's clip.
  virtual void ink(const Box& box, const GraphicsState& state, const char* what) = 0;
  // A string shown, whatever its rendering mode and colour.
  virtual void text(const ShownText& shown) = 0;
  // Whether text() needs what the glyphs stand for (fonts' text read).
  virtual bool reads_text() const { return false; }
  // Marked content gives the text it stands for instead of its glyphs'
  // (/ActualText), which this interpretation does not read.
  virtual void actual_text() {}
};

// Interprets the page's /Contents with its resources (its own or those it
// inherits), clipped to `page_box`. Throws kuvert::Error(input) for a page past the limits, and
// what reading its streams throws.
void interpret_page(const PoDoFo::PdfDictionary& page, const InheritedAttributes& inherited, const Box& page_box,
                    PdfObjectReader& reader, FontMetricsCache& fonts, ContentVisitor& visitor);

}  // namespace kuvert::pdf

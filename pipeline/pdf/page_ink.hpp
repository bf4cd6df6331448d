#pragma once
// Whether a page puts ink into given zones (an inserter's clear zone, which
// imposing paints white): its content streams interpreted as a viewer
// draws them, without rasterising, each mark's box (text from its font's
// widths, paths, images, forms drawn by the page) transformed to the page
// and clipped. Boxes are no smaller than the ink: text takes its glyphs'
// advances from the ascent to the descent of its font (1.1 em a glyph for a
// font without widths, the Liberation widths for the standard fonts),
// curves their control points, shadings the whole clip; what reaches less
// than a quarter point into a zone does not count. White paint is not ink
// (files often whiten a clear zone themselves). The content is read by
// content_interpreter, within its limits.
#include <podofo/base/PdfDictionary.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/model/inserter_profile.hpp"
#include "pipeline/pdf/font_metrics.hpp"
#include "pipeline/pdf/inherited_attributes.hpp"
#include "pipeline/pdf/page_geometry.hpp"

namespace kuvert::pdf {

class PdfObjectReader;

struct InkMark {
  std::string what;           // "text", "a path", "an image", "a shading"
  double x_mm = 0, y_mm = 0;  // where it enters the zone, from the sheet's top left
};

// A font that shows text on the page without its program in the file:
// printers substitute another, and lines reflow.
struct UnembeddedFont {
  std::string name;
  bool standard = false;  // one of the 14 standard fonts (Helvetica, Times, Courier, Symbol, ZapfDingbats)
};

struct PageInk {
  std::optional<InkMark> in_zones;               // the first mark in a zone
  std::vector<UnembeddedFont> unembedded_fonts;  // up to that mark
};

// The first mark that reaches into one of `zones` (mm from the top left of
// the page's visible box), and the fonts without a program that show text
// up to it. Throws kuvert::Error(input) for a page past the limits, and what
// reading its streams throws.
PageInk page_ink(const PoDoFo::PdfDictionary& page, const InheritedAttributes& inherited, const PageGeometry& box,
                 const std::vector<RectMm>& zones, PdfObjectReader& reader, FontMetricsCache& fonts);

// The box (mm from the top left) of all ink inside `region`, clipped to it,
// or nothing: where an address block stands. Throws as page_ink.
std::optional<RectMm> ink_extent(const PoDoFo::PdfDictionary& page, const InheritedAttributes& inherited,
                                 const PageGeometry& box, const RectMm& region, PdfObjectReader& reader,
                                 FontMetricsCache& fonts);

}  // namespace kuvert::pdf

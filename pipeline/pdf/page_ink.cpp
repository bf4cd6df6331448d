#include "pipeline/pdf/page_ink.hpp"

#include <algorithm>

#include "pipeline/pdf/content_interpreter.hpp"

namespace kuvert::pdf {
namespace {

// The first mark that reaches into the zones, or with `whole`, the union
// of all of them.
class InkFinder : public ContentVisitor {
 public:
  InkFinder(std::vector<Box> zones, Box page, bool whole = false)
      : zones_(std::move(zones)), page_(page), whole_(whole) {}

  bool done() const override { return found_.has_value(); }
  const std::optional<InkMark>& found() const { return found_; }
  std::optional<Box> extent() const { return extent_started_ ? std::optional<Box>(extent_) : std::nullopt; }
  const std::vector<UnembeddedFont>& unembedded() const { return unembedded_; }

  void ink(const Box& box, const GraphicsState& state, const char* what) override { mark(box, state, what); }

  // Text is ink where it is filled or stroked in a colour: from its
  // glyphs' advances, between its font's descent and ascent.
  void text(const ShownText& shown) override {
    const FontMetrics& font = shown.font;
    const GraphicsState& state = shown.state;
    if (!font.embedded && std::none_of(unembedded_.begin(), unembedded_.end(),
                                       [&](const UnembeddedFont& known) { return known.name == font.name; }))
      unembedded_.push_back({font.name, font.standard});
    const int mode = state.render_mode;
    const bool fills = (mode == 0 || mode == 2 || mode == 4 || mode == 6) && !state.fill_white;
    const bool strokes = (mode == 1 || mode == 2 || mode == 5 || mode == 6) && !state.stroke_white;
    if (!fills && !strokes) return;
    const double size = state.font_size;
    const Box text{std::min(0.0, shown.advance), state.rise + font.descent / 1000 * size, std::max(0.0, shown.advance),
                   state.rise + font.ascent / 1000 * size};
    mark(transformed(text, shown.to_page), state, "text");
  }

 private:
  // A mark's box in page space: ink if it reaches into a zone.
  void mark(Box box, const GraphicsState& state, const char* what) {
    if (found_) return;
    box = intersection(box, state.clip);
    if (box.empty()) return;
    // Less than a quarter point is no ink: a glyph's advance ends after its
    // ink, and text set up to the zone's edge would otherwise touch it.
    constexpr double kTouch = 0.25;
    for (const Box& zone : zones_) {
      const Box inside = intersection(box, zone);
      if (inside.urx - inside.llx < kTouch || inside.ury - inside.lly < kTouch) continue;
      if (whole_) {
        include(extent_, extent_started_, inside.llx, inside.lly);
        include(extent_, extent_started_, inside.urx, inside.ury);
        continue;
      }
      const RectMm at = mm_of(page_, inside);
      found_ = InkMark{what, at.x, at.y};
      return;
    }
  }

  std::vector<Box> zones_;
  Box page_;
  bool whole_;
  std::optional<InkMark> found_;
  std::vector<UnembeddedFont> unembedded_;
  Box extent_;
  bool extent_started_ = false;
};

}  // namespace

PageInk page_ink(const PoDoFo::PdfDictionary& page, const InheritedAttributes& inherited, const PageGeometry& box,
                 const std::vector<RectMm>& zones, PdfObjectReader& reader, FontMetricsCache& fonts) {
  const Box page_box = box_of(box);
  std::vector<Box> page_zones;
  for (const RectMm& zone : zones) page_zones.push_back(points_of(page_box, zone));
  InkFinder finder(std::move(page_zones), page_box);
  interpret_page(page, inherited, page_box, reader, fonts, finder);
  PageInk ink;
  ink.in_zones = finder.found();
  ink.unembedded_fonts = finder.unembedded();
  return ink;
}

std::optional<RectMm> ink_extent(const PoDoFo::PdfDictionary& page, const InheritedAttributes& inherited,
                                 const PageGeometry& box, const RectMm& region, PdfObjectReader& reader,
                                 FontMetricsCache& fonts) {
  const Box page_box = box_of(box);
  InkFinder finder({points_of(page_box, region)}, page_box, true);
  interpret_page(page, inherited, page_box, reader, fonts, finder);
  const auto extent = finder.extent();
  if (!extent) return std::nullopt;
  return mm_of(page_box, *extent);
}

}  // namespace kuvert::pdf

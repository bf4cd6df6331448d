#include "pipeline/pdf/page_words.hpp"

#include <algorithm>
#include <cmath>

#include "pipeline/pdf/content_interpreter.hpp"

namespace kuvert::pdf {
namespace {

// A gap of more than this share of the font size between two glyphs
// parts words (poppler's minWordBreakSpace); glyphs drawn back by more
// than kBackShare, or off the baseline by more than kOffShare, start a
// new word too.
constexpr double kGapShare = 0.1, kBackShare = 0.3, kOffShare = 0.5;

struct Point {
  double x = 0, y = 0;
};

Point apply(const Matrix& m, double x, double y) { return {m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f}; }

bool is_space(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }) ||
         text == "\u00A0";
}

bool same_word_over(const PageWord& a, const PageWord& b) {
  if (a.text != b.text) return false;
  const double tolerance = std::max(0.1, std::min(a.box.height, b.box.height) / 2);
  return std::abs(a.box.x - b.box.x) < tolerance && std::abs(a.box.y - b.box.y) < tolerance;
}

class WordFinder : public ContentVisitor {
 public:
  WordFinder(const Box& page, std::size_t max_words) : page_box_(page), max_words_(max_words) {}

  bool done() const override { return words_.words.size() > max_words_ || words_.too_much_text; }
  void ink(const Box&, const GraphicsState&, const char*) override {}
  bool reads_text() const override { return true; }
  void actual_text() override { words_.complete = false; }

  void text(const ShownText& shown) override {
    const FontMetrics& font = shown.font;
    if (font.vertical) {
      words_.complete = false;
      return;
    }
    const double size = shown.state.font_size;
    const double rise = shown.state.rise;
    const Matrix& m = shown.to_page;
    // The font size and the baseline's direction on the page.
    const double height = std::hypot(m.c, m.d) * std::abs(size);
    const double along = std::hypot(m.a, m.b);
    if (height <= 0 || along <= 0) return;
    const Point direction{m.a / along, m.b / along};
    const double ascent = font.text_ascent / 1000 * size;
    const double descent = font.text_descent / 1000 * size;
    for (const ShownGlyph& glyph : shown.glyphs) {
      const auto text = font.text_of(glyph.code);
      if (!text) {
        words_.complete = false;
        continue;
      }
      if (text->empty()) continue;
      if (is_space(*text)) {
        finish();
        continue;
      }
      // A glyph off the page is no text of it (as poppler has it).
      const Box box = transformed({glyph.x, rise + descent, glyph.x + glyph.advance, rise + ascent}, m);
      if (box.urx < page_box_.llx || box.llx > page_box_.urx || box.ury < page_box_.lly || box.lly > page_box_.ury)
        continue;
      const Point origin = apply(m, glyph.x, rise);
      if (open_ && (!continues(origin, direction, height) || word_.text.size() >= kMaxWordBytes)) finish();
      if (!open_) {
        word_ = {};
        box_ = box;
        direction_ = direction;
        height_ = height;
        open_ = true;
      }
      word_.text += *text;
      text_bytes_ += text->size();
      if (text_bytes_ > kMaxPageTextBytes) words_.too_much_text = true;
      box_ = {std::min(box_.llx, box.llx), std::min(box_.lly, box.lly), std::max(box_.urx, box.urx),
              std::max(box_.ury, box.ury)};
      end_ = apply(m, glyph.x + glyph.advance, rise);
    }
  }

  PageWords result() && {
    finish();
    return std::move(words_);
  }

 private:
  bool continues(const Point& origin, const Point& direction, double height) const {
    if (direction.x * direction_.x + direction.y * direction_.y < 0.99) return false;
    const double dx = origin.x - end_.x, dy = origin.y - end_.y;
    const double gap = dx * direction_.x + dy * direction_.y;
    const double off = -dx * direction_.y + dy * direction_.x;
    const double size = std::max(height, height_);
    return gap <= kGapShare * size && gap >= -kBackShare * size && std::abs(off) <= kOffShare * size;
  }

  void finish() {
    if (!open_) return;
    open_ = false;
    PageWord word{std::move(word_.text), mm_of(page_box_, box_)};
    // Bold made by drawing a word again a little aside is one word.
    auto& words = words_.words;
    const std::size_t look_back = std::min<std::size_t>(words.size(), 8);
    if (std::any_of(words.end() - static_cast<std::ptrdiff_t>(look_back), words.end(),
                    [&](const PageWord& earlier) { return same_word_over(earlier, word); }))
      return;
    words.push_back(std::move(word));
  }

  Box page_box_;
  std::size_t max_words_;
  std::size_t text_bytes_ = 0;
  PageWords words_;
  bool open_ = false;
  PageWord word_;
  Box box_;
  Point direction_, end_;
  double height_ = 0;
};

}  // namespace

PageWords page_words(const PoDoFo::PdfDictionary& page, const InheritedAttributes& inherited, const PageGeometry& box,
                     PdfObjectReader& reader, FontMetricsCache& fonts, std::size_t max_words) {
  WordFinder finder(box_of(box), max_words);
  interpret_page(page, inherited, box_of(box), reader, fonts, finder);
  PageWords words = std::move(finder).result();
  if (box.rotate != 0) words.complete = false;
  return words;
}

}  // namespace kuvert::pdf

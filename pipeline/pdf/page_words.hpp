#pragma once
// The words a page shows, with where each stands: what a split profile
// reads its rules and fields from (stages/split). The content is
// interpreted (content_interpreter) and each glyph's text taken from its
// font (font_metrics: /ToUnicode, else the encoding); glyphs join into a
// word while they run on along one baseline, and a space or a gap of more
// than a tenth of the font size ends it (letter spacing set by Tc is
// part of the glyph before), as poppler's text extraction does; glyphs off
// the page are left out. Text drawn twice over itself (bold made by overprinting) is one
// word. Ours for a measured reason: poppler took 0.4 ms a page for it and
// keeps every page it has looked up (2 kB a page, 115 MB at 50,000 pages);
// this takes a tenth of that and stays flat.
#include <podofo/base/PdfDictionary.h>

#include <cstddef>
#include <string>
#include <vector>

#include "pipeline/model/inserter_profile.hpp"
#include "pipeline/pdf/font_metrics.hpp"
#include "pipeline/pdf/inherited_attributes.hpp"
#include "pipeline/pdf/page_geometry.hpp"

namespace kuvert::pdf {

class PdfObjectReader;

struct PageWord {
  std::string text;  // UTF-8
  RectMm box;        // mm from the top left of the page's visible box
};

struct PageWords {
  std::vector<PageWord> words;  // in the order the page draws them
  // False when a glyph's font does not say what it stands for (a symbolic
  // font or a composite one without /ToUnicode), text is written top to
  // bottom or given as /ActualText, or the page is rotated: a renderer
  // that reads font programs may know more.
  bool complete = true;
  // Reading stopped at kMaxPageTextBytes.
  bool too_much_text = false;
};

// A word is cut after kMaxWordBytes; a page's words may hold
// kMaxPageTextBytes (a letter's page holds some 5 kB).
inline constexpr std::size_t kMaxWordBytes = 1024;
inline constexpr std::size_t kMaxPageTextBytes = std::size_t{1} << 20;

// At most `max_words` + 1 words: past `max_words` reading stops.
PageWords page_words(const PoDoFo::PdfDictionary& page, const InheritedAttributes& inherited, const PageGeometry& box,
                     PdfObjectReader& reader, FontMetricsCache& fonts, std::size_t max_words);

}  // namespace kuvert::pdf

#include "stages/compose/text_setter.hpp"

#include <algorithm>

#include "stages/compose/words.hpp"


namespace kuvert::compose {
namespace {

// Enough distinct words for a layout's fixed texts and the common names and
// places; beyond it the cache starts over rather than grow with the job
// (most amounts, references and house numbers never repeat).
constexpr std::size_t kCacheLimit = 4000;

// Break opportunities: the paragraph as words (words_of), each word as
// pieces that end after a hyphen.
std::vector<std::string_view> pieces_of(std::string_view word) {
  std::vector<std::string_view> pieces;
  std::size_t begin = 0;
  for (std::size_t i = 0; i + 1 < word.size(); ++i)
    if (word[i] == '-' && i > begin) {  // a leading hyphen ("-5") is no break
      pieces.push_back(word.substr(begin, i + 1 - begin));
      begin = i + 1;
    }
  pieces.push_back(word.substr(begin));
  return pieces;
}

}  // namespace

void append(ShapedText& line, const ShapedText& piece) {
  const auto shift = static_cast<std::uint32_t>(line.text.size());
  line.text += piece.text;
  for (const auto& run : piece.runs) {
    if (line.runs.empty() || line.runs.back().font != run.font) line.runs.push_back({run.font, {}});
    auto& glyphs = line.runs.back().glyphs;
    for (auto glyph : run.glyphs) {
      glyph.cluster += shift;
      glyphs.push_back(glyph);
    }
  }
}

const ShapedText& TextSetter::piece(FontIndex font, std::string_view text) {
  Key key{font, std::string(text)};
  if (auto cached = cache_.find(key); cached != cache_.end()) return cached->second;
  return cache_.emplace(std::move(key), shape(fonts_, font, text)).first->second;
}

void TextSetter::trim_cache() {
  if (cache_.size() >= kCacheLimit) cache_.clear();
}

ShapedText TextSetter::line(FontIndex font, std::string_view text) {
  trim_cache();
  ShapedText line;
  const auto words = words_of(text);
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) append(line, piece(font, " "));
    append(line, piece(font, words[i]));
  }
  return line;
}

std::vector<ShapedText> TextSetter::split_wide(FontIndex font, std::string_view text, double size, double width) {
  // Shaped once and measured in logical order (right-to-left runs give
  // their glyphs in visual order); reshaping the rest for every line made a
  // long word cost quadratic time.
  const ShapedText whole = shape(fonts_, font, text);
  std::vector<std::pair<std::size_t, double>> advances;  // cluster, advance in points
  for (const auto& run : whole.runs)
    for (const auto& glyph : run.glyphs)
      advances.emplace_back(glyph.cluster, glyph.advance * size / fonts_.face(run.font).units_per_em());
  std::stable_sort(advances.begin(), advances.end(), [](const auto& a, const auto& b) { return a.first < b.first; });

  std::vector<ShapedText> parts;
  std::size_t start = 0;
  double used = 0;
  for (const auto& [cluster, advance] : advances) {
    // A line ends before the first character that does not fit; a single
    // character wider than the box stands on a line of its own.
    if (used + advance > width && cluster > start) {
      parts.push_back(shape(fonts_, font, text.substr(start, cluster - start)));
      start = cluster;
      used = 0;
    }
    used += advance;
  }
  parts.push_back(shape(fonts_, font, text.substr(start)));
  return parts;
}

std::vector<ShapedText> TextSetter::lines(FontIndex font, std::string_view paragraph, double size, double width) {
  trim_cache();
  std::vector<ShapedText> lines;
  ShapedText current;
  double current_width = 0;
  const ShapedText& space = piece(font, " ");
  const double space_width = space.width(fonts_, size);
  const auto flush = [&] {
    if (!current.text.empty()) lines.push_back(std::move(current));
    current = ShapedText();
    current_width = 0;
  };
  for (const auto word : words_of(paragraph)) {
    const auto pieces = pieces_of(word);
    for (std::size_t p = 0; p < pieces.size(); ++p) {
      const ShapedText& shaped = piece(font, pieces[p]);
      const double piece_width = shaped.width(fonts_, size);
      if (piece_width > width) {
        for (auto& part : split_wide(font, pieces[p], size, width)) {
          flush();
          current_width = part.width(fonts_, size);
          current = std::move(part);
        }
        continue;
      }
      // A piece after a hyphen continues its word: no space before it.
      double gap = current.text.empty() || p > 0 ? 0 : space_width;
      if (!current.text.empty() && current_width + gap + piece_width > width) {
        flush();
        gap = 0;
      }
      if (gap > 0) append(current, space);
      append(current, shaped);
      current_width += gap + piece_width;
    }
  }
  flush();
  return lines;
}

}  // namespace kuvert::compose

#pragma once
// Sets text into lines: shaping word by word through a cache (a layout's
// letters repeat most of their words), breaking paragraphs at spaces and
// after hyphens so that no line is wider than its box. One per thread.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "stages/compose/shaped_text.hpp"

namespace kuvert::compose {

class TextSetter {
 public:
  explicit TextSetter(const FontSet& fonts) : fonts_(fonts) {}

  // `text` on one line, unbroken.
  ShapedText line(FontIndex font, std::string_view text);

  // `paragraph` broken into lines no wider than `width` points at `size`
  // points: at spaces (dropped at the break) and after hyphens (kept). A
  // word wider than the box on its own is broken between characters.
  // Runs of spaces count as one; an empty paragraph gives no lines.
  std::vector<ShapedText> lines(FontIndex font, std::string_view paragraph, double size, double width);

  // The width in points of `text` at `size` points.
  double width(const ShapedText& text, double size) const { return text.width(fonts_, size); }

 private:
  // A piece that may end a line: a word, or the part of one up to and
  // including a hyphen. The reference lasts until the next trim_cache().
  const ShapedText& piece(FontIndex font, std::string_view text);
  // Starts the cache over once it is large; only between calls, so the
  // pieces a call holds stay valid.
  void trim_cache();
  // Breaks a piece wider than `width` into parts that fit.
  std::vector<ShapedText> split_wide(FontIndex font, std::string_view text, double size, double width);

  const FontSet& fonts_;
  struct Key {
    FontIndex font;
    std::string text;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& key) const { return std::hash<std::string>{}(key.text) * 31 + key.font; }
  };
  std::unordered_map<Key, ShapedText, KeyHash> cache_;
};

// Appends `piece` to `line`: its text, and its glyphs with their clusters
// moved past the text already there.
void append(ShapedText& line, const ShapedText& piece);

}  // namespace kuvert::compose

#pragma once
// How deeply arrays and dictionaries nest in one PDF value, found with a
// flat scan of its bytes before any recursive parser sees them.
#include <cstdint>
#include <string_view>

namespace kuvert::pdf {

// Fed the bytes from the start of a value (or of an "N G obj" header) in
// chunks; knows strings, hex strings, names and comments, so brackets
// inside them do not count.
class NestingCheck {
 public:
  enum class Verdict { more, done, too_deep };

  explicit NestingCheck(int max_depth) : max_depth_(max_depth) {}

  // `done` once the first array or dictionary has closed again, or the
  // keyword "stream" or "endobj" came at the outer level (a value without
  // either nests nothing); `too_deep` as soon as the depth passes the limit.
  Verdict feed(std::string_view bytes);

 private:
  enum class Mode : std::uint8_t { plain, string, string_escape, hex, comment, name };
  Verdict keyword_end();

  int max_depth_;
  int depth_ = 0;
  int string_depth_ = 0;  // unescaped parentheses inside a literal string
  Mode mode_ = Mode::plain;
  char pending_ = 0;      // a '<' or '>' whose partner may come next
  char keyword_[8] = {};  // letters of the current bare word at the outer level
  std::uint8_t keyword_length_ = 0;
};

}  // namespace kuvert::pdf

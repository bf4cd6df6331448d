// A byte-at-a-time state machine rather than a tokenizer: it must never
// recurse and must carry its state across chunk borders, since a value may
// be larger than any one read.
#include "pipeline/pdf/nesting_check.hpp"

#include <cstring>

namespace kuvert::pdf {
namespace {

bool is_delimiter_or_space(char c) {
  return std::strchr("()<>[]{}/% \n\r\t\f", c) != nullptr || c == '\0';
}

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

}  // namespace

NestingCheck::Verdict NestingCheck::keyword_end() {
  const std::string_view word(keyword_, keyword_length_);
  keyword_length_ = 0;
  return depth_ == 0 && (word == "stream" || word == "endobj") ? Verdict::done : Verdict::more;
}

NestingCheck::Verdict NestingCheck::feed(std::string_view bytes) {
  for (const char c : bytes) {
    switch (mode_) {
      case Mode::string:
        if (c == '\\') {
          mode_ = Mode::string_escape;
        } else if (c == '(') {
          ++string_depth_;
        } else if (c == ')') {
          if (string_depth_ == 0) mode_ = Mode::plain;
          else --string_depth_;
        }
        continue;
      case Mode::string_escape:
        mode_ = Mode::string;
        continue;
      case Mode::hex:
        if (c == '>') mode_ = Mode::plain;
        continue;
      case Mode::comment:
        if (c == '\n' || c == '\r') mode_ = Mode::plain;
        continue;
      case Mode::name:
        if (!is_delimiter_or_space(c)) continue;
        mode_ = Mode::plain;
        break;  // the delimiter itself is read below
      case Mode::plain:
        break;
    }

    if (pending_ == '<') {
      pending_ = 0;
      if (c != '<') {
        mode_ = c == '>' ? Mode::plain : Mode::hex;  // "<>" is an empty hex string
        continue;
      }
      if (++depth_ > max_depth_) return Verdict::too_deep;
      continue;
    }
    if (pending_ == '>') {
      pending_ = 0;
      if (c == '>') {
        if (depth_ > 0 && --depth_ == 0) return Verdict::done;
        continue;
      }
    }

    if (is_letter(c)) {
      if (depth_ == 0 && keyword_length_ < sizeof keyword_) keyword_[keyword_length_++] = c;
      continue;
    }
    if (keyword_length_ > 0 && keyword_end() == Verdict::done) return Verdict::done;
    switch (c) {
      case '(':
        mode_ = Mode::string;
        string_depth_ = 0;
        break;
      case '%':
        mode_ = Mode::comment;
        break;
      case '/':
        mode_ = Mode::name;
        break;
      case '<':
      case '>':
        pending_ = c;
        break;
      case '[':
        if (++depth_ > max_depth_) return Verdict::too_deep;
        break;
      case ']':
        if (depth_ > 0 && --depth_ == 0) return Verdict::done;
        break;
      default:
        break;
    }
  }
  return Verdict::more;
}

}  // namespace kuvert::pdf

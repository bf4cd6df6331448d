#include "pipeline/pdf/content_lexer.hpp"

#include <cstdlib>

namespace kuvert::pdf {
namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0'; }
bool is_delimiter(char c) {
  return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' || c == '}' || c == '/' ||
         c == '%';
}
bool is_regular(char c) { return !is_space(c) && !is_delimiter(c); }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

void ContentLexer::skip_space_and_comments() {
  while (at_ < content_.size()) {
    if (is_space(content_[at_])) {
      ++at_;
    } else if (content_[at_] == '%') {
      while (at_ < content_.size() && content_[at_] != '\n' && content_[at_] != '\r') ++at_;
    } else {
      return;
    }
  }
}

void ContentLexer::read_literal_string(std::string& out) {
  int depth = 1;  // the opening parenthesis is read
  while (at_ < content_.size()) {
    const char c = content_[at_++];
    if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (--depth == 0) return;
    } else if (c == '\\' && at_ < content_.size()) {
      const char e = content_[at_++];
      switch (e) {
        case 'n':
          out += '\n';
          continue;
        case 'r':
          out += '\r';
          continue;
        case 't':
          out += '\t';
          continue;
        case 'b':
          out += '\b';
          continue;
        case 'f':
          out += '\f';
          continue;
        case '\r':
          if (at_ < content_.size() && content_[at_] == '\n') ++at_;
          continue;
        case '\n':
          continue;
        default:
          if (e >= '0' && e <= '7') {
            int value = e - '0';
            for (int i = 0; i < 2 && at_ < content_.size() && content_[at_] >= '0' && content_[at_] <= '7'; ++i)
              value = value * 8 + (content_[at_++] - '0');
            out += static_cast<char>(value & 0xFF);
          } else {
            out += e;
          }
          continue;
      }
    }
    out += c;
  }
}

void ContentLexer::read_hex_string(std::string& out) {
  int high = -1;
  while (at_ < content_.size()) {
    const char c = content_[at_++];
    if (c == '>') break;
    const int value = hex_value(c);
    if (value < 0) continue;
    if (high < 0) {
      high = value;
    } else {
      out += static_cast<char>(high * 16 + value);
      high = -1;
    }
  }
  if (high >= 0) out += static_cast<char>(high * 16);
}

// From after "BI": the image dictionary up to "ID", one white-space byte,
// then data up to "EI" between white space (or the end of the stream).
void ContentLexer::skip_inline_image() {
  while (at_ + 1 < content_.size() &&
         !(content_[at_] == 'I' && content_[at_ + 1] == 'D' && (at_ == 0 || is_space(content_[at_ - 1])) &&
           (at_ + 2 >= content_.size() || is_space(content_[at_ + 2]))))
    ++at_;
  at_ += 3;
  while (at_ + 1 < content_.size()) {
    if (content_[at_] == 'E' && content_[at_ + 1] == 'I' && is_space(content_[at_ - 1]) &&
        (at_ + 2 >= content_.size() || is_space(content_[at_ + 2]))) {
      at_ += 2;
      return;
    }
    ++at_;
  }
  at_ = content_.size();
}

bool ContentLexer::next(ContentToken& token) {
  skip_space_and_comments();
  while (at_ < content_.size() && (content_[at_] == ')' || content_[at_] == '{' || content_[at_] == '}')) {
    ++at_;  // stray delimiters
    skip_space_and_comments();
  }
  if (at_ >= content_.size()) return false;
  token.text.clear();
  token.number = 0;
  const char c = content_[at_];
  if (c == '(') {
    ++at_;
    token.kind = ContentToken::Kind::string;
    read_literal_string(token.text);
  } else if (c == '<' && at_ + 1 < content_.size() && content_[at_ + 1] == '<') {
    at_ += 2;
    token.kind = ContentToken::Kind::dict_begin;
  } else if (c == '<') {
    ++at_;
    token.kind = ContentToken::Kind::string;
    read_hex_string(token.text);
  } else if (c == '>') {
    at_ += at_ + 1 < content_.size() && content_[at_ + 1] == '>' ? 2 : 1;
    token.kind = ContentToken::Kind::dict_end;
  } else if (c == '[' || c == ']') {
    ++at_;
    token.kind = c == '[' ? ContentToken::Kind::array_begin : ContentToken::Kind::array_end;
  } else if (c == '/') {
    ++at_;
    token.kind = ContentToken::Kind::name;
    while (at_ < content_.size() && is_regular(content_[at_])) token.text += content_[at_++];
  } else {
    const std::size_t begin = at_;
    while (at_ < content_.size() && is_regular(content_[at_])) ++at_;
    const std::string_view word = content_.substr(begin, at_ - begin);
    const bool numeric = word.find_first_not_of("+-.0123456789") == std::string_view::npos &&
                         word.find_first_of("0123456789") != std::string_view::npos;
    if (numeric) {
      token.kind = ContentToken::Kind::number;
      token.number = std::strtod(std::string(word).c_str(), nullptr);
    } else if (word == "BI") {
      token.kind = ContentToken::Kind::inline_image;
      skip_inline_image();
    } else {
      token.kind = ContentToken::Kind::keyword;
      token.text = word;
    }
  }
  return true;
}

}  // namespace kuvert::pdf

#pragma once
// The tokens of a PDF content stream, read flat: brackets and dictionary
// delimiters are tokens of their own, so nothing in a hostile stream can
// drive a recursion (PoDoFo's tokenizer recurses into nested arrays).
// Inline image data (BI ... ID data EI) is skipped whole and comes back as
// one token. Unknown bytes are skipped, as viewers do.
#include <cstdint>
#include <string>
#include <string_view>

namespace kuvert::pdf {

struct ContentToken {
  enum class Kind : std::uint8_t {
    number,
    name,          // without its slash, #xx escapes kept as written
    string,        // a literal or hex string's bytes
    keyword,       // an operator, or true, false, null
    array_begin,   // [
    array_end,     // ]
    dict_begin,    // <<
    dict_end,      // >>
    inline_image,  // BI ... EI, whole
  };
  Kind kind = Kind::keyword;
  double number = 0;
  std::string text;
};

class ContentLexer {
 public:
  explicit ContentLexer(std::string_view content) : content_(content) {}

  // The next token, or false at the end.
  bool next(ContentToken& token);

 private:
  void skip_space_and_comments();
  void read_literal_string(std::string& out);
  void read_hex_string(std::string& out);
  void skip_inline_image();

  std::string_view content_;
  std::size_t at_ = 0;
};

}  // namespace kuvert::pdf

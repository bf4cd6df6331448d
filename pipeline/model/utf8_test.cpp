#include "pipeline/model/utf8.hpp"

#include <catch2/catch.hpp>

TEST_CASE("UTF-8: overlong forms, surrogates and cut sequences are not", "[model][utf8]") {
  using kuvert::invalid_utf8_at;
  CHECK(invalid_utf8_at("Gebühr ẞ 😀") == std::string_view::npos);
  CHECK(invalid_utf8_at("ab\xC0\x80") == 2);         // overlong "\0"
  CHECK(invalid_utf8_at("a\xE0\x80\x80") == 1);      // overlong, three bytes
  CHECK(invalid_utf8_at("\xED\xA0\x80") == 0);       // a surrogate
  CHECK(invalid_utf8_at("x\xF4\x90\x80\x80") == 1);  // past U+10FFFF
  CHECK(invalid_utf8_at("M\xC3") == 1);              // cut short
}

TEST_CASE("code points are read as the records check reads them, one bad byte at a time", "[model][utf8]") {
  const std::string_view text =
      "\xC3\xA4\xE1\xBA\x9E\xF0\x9F\x98\x80"
      "\xC0\xAF"
      "\xED\xA0\x80"
      "a";
  std::size_t pos = 0;
  CHECK(kuvert::next_code_point(text, pos) == U'ä');
  CHECK(kuvert::next_code_point(text, pos) == U'ẞ');
  CHECK(kuvert::next_code_point(text, pos) == U'😀');
  CHECK(pos == 9);
  // An overlong "/" is two bad bytes, not a slash; a surrogate three.
  for (int bad = 0; bad < 5; ++bad) CHECK(kuvert::next_code_point(text, pos) == kuvert::kNotUtf8);
  CHECK(kuvert::next_code_point(text, pos) == U'a');
  CHECK(pos == text.size());
}

TEST_CASE("what is read is written back byte for byte", "[model][utf8]") {
  const std::string text = "Müller-Lüdenscheidt, Straße 1 ẞ 😀";
  std::string written;
  for (std::size_t pos = 0; pos < text.size();) kuvert::append_utf8(written, kuvert::next_code_point(text, pos));
  CHECK(written == text);
}

TEST_CASE("Text that is not UTF-8 is made readable, each bad byte a replacement character", "[model][utf8]") {
  CHECK(kuvert::well_formed_utf8("B\xfcrger.pdf") == "B\xef\xbf\xbdrger.pdf");
  CHECK(kuvert::well_formed_utf8("M\xc3\xbcller") == "M\xc3\xbcller");                // well-formed: as it was
  CHECK(kuvert::well_formed_utf8("cut \xe2\x82") == "cut \xef\xbf\xbd\xef\xbf\xbd");  // a character cut in half
  CHECK(kuvert::well_formed_utf8("") == "");
}

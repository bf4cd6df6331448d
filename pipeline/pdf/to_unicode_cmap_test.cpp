#include "pipeline/pdf/to_unicode_cmap.hpp"

#include <catch2/catch.hpp>

#include "pipeline/pdf/simple_encoding.hpp"

using kuvert::pdf::read_to_unicode_cmap;

TEST_CASE("A ToUnicode CMap's bfchar and bfrange entries give each code its text", "[pdf]") {
  const auto codes = read_to_unicode_cmap(
      "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
      "3 beginbfchar <0003> <0020> <0010> <00E4> <0011> <00660069>\n"
      "<0012> <D834DD1E> endbfchar\n"
      "2 beginbfrange <0020> <0022> <0041> <0030> <0031> [<00DF> <20AC>] endbfrange\n"
      "1 beginbfchar <0040> <D834> endbfchar\n"
      "endcmap CMapName currentdict /CMap defineresource pop end end");
  CHECK(codes.at(0x03) == " ");
  CHECK(codes.at(0x10) == "ä");
  CHECK(codes.at(0x11) == "fi");                // a ligature's two letters
  CHECK(codes.at(0x12) == "\xF0\x9D\x84\x9E");  // a surrogate pair: U+1D11E
  CHECK(codes.at(0x20) == "A");
  CHECK(codes.at(0x21) == "B");
  CHECK(codes.at(0x22) == "C");
  CHECK(codes.at(0x30) == "ß");
  CHECK(codes.at(0x31) == "€");
  CHECK(codes.at(0x40) == "\xEF\xBF\xBD");  // a lone surrogate
  CHECK(codes.size() == 10);
}

TEST_CASE("A hostile ToUnicode CMap is cut at its limits", "[pdf]") {
  SECTION("a range over every four-byte code") {
    const auto codes = read_to_unicode_cmap("1 beginbfrange <00000000> <FFFFFFFF> <0000> endbfrange");
    CHECK(codes.size() == kuvert::pdf::kMaxCmapCodes);
  }
  SECTION("many ranges over the same codes") {
    std::string cmap = "beginbfrange";
    for (int i = 0; i < 40'000; ++i) cmap += " <0000> <FFFF> <0000>";
    const auto codes = read_to_unicode_cmap(cmap + " endbfrange");  // ends after a few, not 40,000
    CHECK(codes.size() == kuvert::pdf::kMaxCmapCodes);
  }
  SECTION("one code's text of many units") {
    const auto codes = read_to_unicode_cmap("1 beginbfchar <01> <" + std::string(4000, 'A') + "> endbfchar");
    CHECK(codes.at(1).size() <= kuvert::pdf::kMaxCmapText + 4);
  }
  SECTION("entries cut off, unclosed arrays, codes of five bytes") {
    const auto codes = read_to_unicode_cmap(
        "beginbfrange <01> <05> [<0041> <0042> beginbfchar <0102030405> <0041> <02> endbfchar <03> <0043");
    CHECK(codes.size() <= 2);
  }
}

TEST_CASE("Simple fonts' encodings and glyph names read as Unicode", "[pdf]") {
  using kuvert::pdf::glyph_name_unicode;
  using kuvert::pdf::named_encoding;
  const auto win = named_encoding("WinAnsiEncoding");
  REQUIRE(win);
  CHECK((*win)[0x41] == U'A');
  CHECK((*win)[0x80] == U'€');
  CHECK((*win)[0xDF] == U'ß');
  CHECK((*win)[0xFC] == U'ü');
  CHECK((*win)[0x81] == 0);
  const auto mac = named_encoding("MacRomanEncoding");
  REQUIRE(mac);
  CHECK((*mac)[0x8A] == U'ä');
  CHECK((*mac)[0xA7] == U'ß');
  CHECK((*mac)[0xFF] == U'ˇ');
  const auto standard = named_encoding("StandardEncoding");
  REQUIRE(standard);
  CHECK((*standard)[0x27] == U'’');
  CHECK((*standard)[0xFB] == U'ß');
  CHECK((*standard)[0xE1] == U'Æ');
  CHECK((*standard)[0xA0] == 0);
  CHECK_FALSE(named_encoding("Identity-H"));
  CHECK(glyph_name_unicode("adieresis") == U'ä');
  CHECK(glyph_name_unicode("uni20AC") == U'€');
  CHECK(glyph_name_unicode("u1D11E") == U'\U0001D11E');
  CHECK(glyph_name_unicode("germandbls.sc") == U'ß');
  CHECK_FALSE(glyph_name_unicode("g17"));
  CHECK_FALSE(glyph_name_unicode("uniD800"));
  CHECK_FALSE(glyph_name_unicode("uni20ACX"));
}

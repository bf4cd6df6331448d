#include "stages/compose/text_setter.hpp"

#include <catch2/catch.hpp>

#include "pipeline/profiles/load_fonts.hpp"

namespace kuvert::compose {
namespace {

const FontSet& fonts() {
  static const FontCatalog catalog = load_fonts(std::filesystem::path(KUVERT_SOURCE_DIR) / "fonts");
  static const FontSet set(catalog, {"sans"});
  return set;
}

std::vector<std::string> texts(const std::vector<ShapedText>& lines) {
  std::vector<std::string> out;
  for (const auto& line : lines) out.push_back(line.text);
  return out;
}

constexpr double kSize = 10;

TEST_CASE("paragraphs break at spaces into lines that fit their box", "[compose][text]") {
  TextSetter setter(fonts());
  const FontIndex sans = fonts().index("sans");
  const std::string paragraph =
      "Für das Grundstück Lindenweg 8 in Halle wird die Grundsteuer für das Kalenderjahr 2026 wie folgt festgesetzt.";
  const double width = 200;  // points
  const auto lines = setter.lines(sans, paragraph, kSize, width);
  REQUIRE(lines.size() >= 3);
  std::string joined;
  for (const auto& line : lines) {
    CHECK(setter.width(line, kSize) <= width);
    CHECK(line.text.front() != ' ');
    CHECK(line.text.back() != ' ');
    joined += (joined.empty() ? "" : " ") + line.text;
  }
  CHECK(joined == paragraph);
  // Greedy: the next line's first word would not have fitted.
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    const std::string next_word = lines[i + 1].text.substr(0, lines[i + 1].text.find(' '));
    CHECK(setter.width(setter.line(sans, lines[i].text + " " + next_word), kSize) > width);
  }
}

TEST_CASE("a line may break after a hyphen, which it keeps", "[compose][text]") {
  TextSetter setter(fonts());
  const FontIndex sans = fonts().index("sans");
  const double width = setter.width(setter.line(sans, "Erbengemeinschaft Müller-"), kSize) + 1;
  const auto lines = setter.lines(sans, "Erbengemeinschaft Müller-Lüdenscheidt", kSize, width);
  CHECK(texts(lines) == std::vector<std::string>{"Erbengemeinschaft Müller-", "Lüdenscheidt"});
}

TEST_CASE("a word wider than its box is broken between characters", "[compose][text]") {
  TextSetter setter(fonts());
  const FontIndex sans = fonts().index("sans");
  const std::string word = "Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung";
  const double width = 80;
  const auto lines = setter.lines(sans, "§ 1 " + word + " gilt.", kSize, width);
  std::string joined;
  for (const auto& line : lines) {
    CHECK(setter.width(line, kSize) <= width);
    joined += line.text;
  }
  std::erase(joined, ' ');
  CHECK(joined == "§1" + word + "gilt.");  // every character once, in order
  CHECK(lines.size() >= 4);
  // Even a box narrower than one letter gets one character a line.
  CHECK(texts(setter.lines(sans, "Öl", kSize, 1)) == std::vector<std::string>{"Ö", "l"});
}

TEST_CASE("spaces collapse and an empty paragraph has no lines", "[compose][text]") {
  TextSetter setter(fonts());
  const FontIndex sans = fonts().index("sans");
  CHECK(texts(setter.lines(sans, "  Sehr   geehrte  Damen ", kSize, 500)) ==
        std::vector<std::string>{"Sehr geehrte Damen"});
  CHECK(setter.lines(sans, "   ", kSize, 500).empty());
  CHECK(setter.line(sans, "a  b").text == "a b");
}

TEST_CASE("a line set from cached words measures as the same text shaped whole", "[compose][text]") {
  TextSetter setter(fonts());
  const FontIndex sans = fonts().index("sans");
  const std::string text = "Kassenzeichen K-2026-000009, fällig am 15.02.2026";
  const auto cached = setter.line(sans, text);
  const auto whole = shape(fonts(), sans, text);
  CHECK(cached.text == whole.text);
  CHECK(setter.width(cached, kSize) == Approx(setter.width(whole, kSize)).epsilon(0.01));
}

}  // namespace
}  // namespace kuvert::compose

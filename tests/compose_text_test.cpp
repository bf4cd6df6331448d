// Text set by the compose stage comes back out of the PDF exactly as it was
// set (poppler's pdftotext), in fonts that are embedded as subsets with a
// ToUnicode map (pdffonts), falling back to another font for a character the
// first lacks; a character no font has is an error naming it.
#include <catch2/catch.hpp>

#include "pipeline/model/error.hpp"
#include "pipeline/profiles/load_fonts.hpp"
#include "stages/compose/font_set.hpp"
#include "stages/compose/page_content.hpp"
#include "stages/compose/shaped_text.hpp"
#include "pipeline/driver/composed_pdf.hpp"
#include "tests/support/kuvert_job.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_folder.hpp"

namespace kuvert {
namespace {

using namespace kuvert::compose;

// Writes one A4 page with `lines` (font name, text), 20 pt apart from the
// top, into `path`.
void write_page(const std::filesystem::path& path, const FontSet& fonts,
                const std::vector<std::pair<std::string, std::string>>& lines) {
  PageContent content;
  GlyphUsage usage;
  double y = 780;
  for (const auto& [font, text] : lines) {
    content.text(fonts, shape(fonts, fonts.index(font), text), 56.7, y, 11, usage);
    y -= 20;
  }
  write_composed_pdf(path, fonts, {content.operators()}, usage);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
    if (end > start && text.substr(start, end - start) != "\f") lines.push_back(text.substr(start, end - start));
  return lines;
}

TEST_CASE("composed text reads back exactly from the PDF, in embedded subset fonts", "[compose]") {
  const FontCatalog catalog = load_fonts(test::source_dir() / "fonts");
  const FontSet fonts(catalog, {"sans", "sans-bold"});
  const std::vector<std::pair<std::string, std::string>> lines{
      {"sans", "Grüße aus Großenhain: 1.234,56 € für Jürgen Müller-Lüdenscheidt"},
      {"sans-bold", "Offizielle Auflösung: fi fl ffi – „Zitat“ § 3 Abs. 2"},
      {"sans", "Złota 44, 00-120 Warszawa – Ελλάδα – Москва – ✓ geprüft"},
  };
  test::TempFolder temp;
  const auto pdf = temp.path() / "text.pdf";
  write_page(pdf, fonts, lines);

  const auto text = test::run_process({"pdftotext", "-raw", "-enc", "UTF-8", pdf.string(), "-"});
  REQUIRE(text.exit_code == 0);
  std::vector<std::string> expected;
  for (const auto& line : lines) expected.push_back(line.second);
  CHECK(lines_of(text.out) == expected);

  const auto fonts_listed = test::run_process({"pdffonts", pdf.string()});
  REQUIRE(fonts_listed.exit_code == 0);
  INFO(fonts_listed.out);
  // name, type, encoding, emb, sub, uni: every font embedded, subset, mapped.
  const auto rows = lines_of(fonts_listed.out);
  REQUIRE(rows.size() == 2 + 3);  // header, rule, sans, sans-bold, the fallback for ✓
  for (std::size_t i = 2; i < rows.size(); ++i) {
    CHECK(rows[i].find("CID TrueType") != std::string::npos);
    CHECK(rows[i].find("Identity-H") != std::string::npos);
    CHECK(rows[i].find("yes yes yes") != std::string::npos);
    CHECK(rows[i][6] == '+');  // a subset's tag: ABCDEF+Name
  }
  CHECK(fonts_listed.out.find("+LiberationSans-Bold") != std::string::npos);
  CHECK(fonts_listed.out.find("+DejaVuSans") != std::string::npos);
}

TEST_CASE("a character that no font of the chain has is an error naming it", "[compose]") {
  const FontCatalog catalog = load_fonts(test::source_dir() / "fonts");
  const FontSet fonts(catalog, {"sans"});
  try {
    shape(fonts, fonts.index("sans"), "Gruß aus \xE6\xBC\xA2");  // U+6F22, a Chinese character
    FAIL("no error thrown");
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::input);
    CHECK(std::string(error.what()).find("has U+6F22 (\xE6\xBC\xA2), which no font of \"sans\" has") !=
          std::string::npos);
  }
  CHECK_THROWS_AS(shape(fonts, fonts.index("sans"), "bad \xC3"), Error);  // cut UTF-8
}

TEST_CASE("kerning moves glyphs as HarfBuzz placed them", "[compose]") {
  const FontCatalog catalog = load_fonts(test::source_dir() / "fonts");
  const FontSet fonts(catalog, {"sans"});
  const auto kerned = shape(fonts, fonts.index("sans"), "AV");
  const auto apart = shape(fonts, fonts.index("sans"), "A");
  const auto v = shape(fonts, fonts.index("sans"), "V");
  // Liberation Sans kerns "AV": the pair is narrower than its letters.
  CHECK(kerned.width(fonts, 10) < apart.width(fonts, 10) + v.width(fonts, 10) - 0.1);
}

}  // namespace
}  // namespace kuvert

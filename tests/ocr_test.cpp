// Tesseract reads pages kuvert set itself: German text with umlauts, ß,
// amounts and an IBAN, rendered at 300 dpi, comes back at least 98 % right
// character for character.
#include <leptonica/allheaders.h>

#include <catch2/catch.hpp>

#include "pipeline/profiles/load_fonts.hpp"
#include "stages/compose/page_content.hpp"
#include "stages/compose/text_setter.hpp"
#include "stages/scan/ocr_engine.hpp"
#include "tests/support/composed_pdf.hpp"
#include "tests/support/kuvert_job.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_folder.hpp"

namespace kuvert {
namespace {

// Edit distance over code points, as character accuracy counts them.
std::size_t edit_distance(const std::u32string& a, const std::u32string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// The text's code points without spaces and line breaks, which OCR lays
// out its own way.
std::u32string letters_of(const std::string& utf8) {
  std::u32string out;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
    for (std::size_t k = 1; k < length && i + k < utf8.size(); ++k) cp = cp << 6 | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    i += length;
    if (cp != U' ' && cp != U'\n') out += cp;
  }
  return out;
}

TEST_CASE("OCR reads a generated German page at least 98 percent right", "[scan][ocr]") {
  const std::vector<std::string> lines{
      "Bescheid über Grundsteuer für das Kalenderjahr 2026",
      "Sehr geehrte Frau Müller-Lüdenscheidt,",
      "für den Grundbesitz Große Straße 12 wird die Grundsteuer festgesetzt.",
      "Der Betrag von 1.234,56 € ist am 15.02.2027 fällig.",
      "Bitte überweisen Sie ihn auf das Konto IBAN DE02 1203 0000 0000 2020 51.",
      "Kassenzeichen K-2026-000042, Aktenzeichen 32.1-0815/26.",
  };
  const FontCatalog catalog = load_fonts(test::source_dir() / "fonts");
  const compose::FontSet fonts(catalog, {"sans"});
  compose::TextSetter setter(fonts);
  compose::PageContent content;
  compose::GlyphUsage usage;
  double y = 760;
  std::string expected;
  for (const auto& line : lines) {
    content.text(fonts, setter.line(fonts.index("sans"), line), 70, y, 11, usage);
    y -= 22;
    expected += line;
  }
  test::TempFolder folder;
  test::write_composed_pdf(folder.path() / "page.pdf", fonts, {content.operators()}, usage);
  const auto rendered = test::run_process({"pdftoppm", "-r", "300", "-gray", "-png", "-singlefile",
                                           (folder.path() / "page.pdf").string(), (folder.path() / "page").string()});
  REQUIRE(rendered.exit_code == 0);
  Pix* page = pixRead((folder.path() / "page.png").c_str());
  REQUIRE(page != nullptr);
  scan::OcrEngine engine;
  const scan::OcrPage read = engine.read(page, 300);
  pixDestroy(&page);
  INFO(read.text);
  const auto want = letters_of(expected), got = letters_of(read.text);
  const double accuracy = 1.0 - static_cast<double>(edit_distance(want, got)) / static_cast<double>(want.size());
  CHECK(accuracy >= 0.98);
  CHECK(read.mean_confidence > 80);
  CHECK(read.words.size() >= 40);
  for (const auto& word : read.words) CHECK(word.right > word.left);
}

}  // namespace
}  // namespace kuvert

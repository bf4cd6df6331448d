// A scanned page archived as PDF/A-2b: the cleaned image with the words
// under it as invisible text. pdftotext finds the words, qpdf finds no
// damage, the fonts are embedded, and the PDF/A markers are there.
#include <catch2/catch.hpp>
#include <fstream>

#include "stages/scan/archive_file.hpp"
#include "stages/scan/ocr_engine.hpp"
#include "stages/scan/page_cleanup.hpp"
#include "tests/support/generated_page.hpp"
#include "tests/support/page_image.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_folder.hpp"

namespace kuvert {
namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The generated page, cleaned, read and archived (bitonal or grey).
std::filesystem::path archive(const test::TempFolder& folder, bool bitonal) {
  const auto png = folder.path() / "page.png";
  test::write_text_page(png);
  scan::PixPtr scanned(pixRead(png.c_str()));
  REQUIRE(scanned);
  const scan::CleanPage clean = scan::clean_page(scanned.get(), 300, scan::CleanupOptions{});
  scan::OcrEngine engine;
  const scan::OcrPage text = engine.read(clean.grey.get(), 300);
  const auto path = folder.path() / (bitonal ? "bitonal.pdf" : "grey.pdf");
  ArchiveFile file(path, {"Posteingang 4711", "2026-11-22T12:00:00Z"});
  file.add_page(scan::encode_archive_page(clean.grey.get(), 300, text, bitonal, 75));
  file.finish();
  return path;
}

TEST_CASE("an archived scan is searchable PDF/A-2b", "[scan][archive][slow]") {
  test::TempFolder folder;
  for (const bool bitonal : {true, false}) {
    const auto pdf = archive(folder, bitonal);
    INFO((bitonal ? "bitonal" : "grey"));
    // The image is the right way round: dark text on white paper.
    const auto rendered = test::render_pages(pdf, 50).at(0);
    CHECK(rendered.any_dark_mm(20, 25, 160, 50));
    CHECK(rendered.grey_at_mm(100, 250) > 240);
    const auto check = test::run_process({"qpdf", "--check", pdf.string()});
    CHECK(check.exit_code == 0);
    const auto text = test::run_process({"pdftotext", pdf.string(), "-"});
    CHECK(contains(text.out, "Grundsteuer"));
    CHECK(contains(text.out, "Müller-Lüdenscheidt"));
    CHECK(contains(text.out, "K-2026-000042"));
    const auto fonts = test::run_process({"pdffonts", pdf.string()});
    CHECK(contains(fonts.out, "GlyphLessFont"));
    CHECK(contains(fonts.out, "yes"));
    const auto images = test::run_process({"pdfimages", "-list", pdf.string()});
    CHECK(contains(images.out, bitonal ? "ccitt" : "jpeg"));
    std::ifstream in(pdf, std::ios::binary);
    const std::string bytes(std::istreambuf_iterator<char>(in), {});
    CHECK(contains(bytes, "/OutputIntents ["));
    CHECK(contains(bytes, "/GTS_PDFA1"));
    CHECK(contains(bytes, "<pdfaid:part>2</pdfaid:part>"));
    CHECK(contains(bytes, "<pdfaid:conformance>B</pdfaid:conformance>"));
  }
}

}  // namespace
}  // namespace kuvert

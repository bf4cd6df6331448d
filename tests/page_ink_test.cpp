// Ink in the inserter's clear zone, found by interpreting a page's content
// (pipeline/pdf/page_ink) and checked against poppler's rendering of the
// same page: what the check says is there is what a printer would print.
#include <catch2/catch.hpp>

#include "pipeline/pdf/source_pdf.hpp"
#include "tests/support/source_pdf_files.hpp"
#include "tests/support/page_image.hpp"

namespace kuvert {
namespace {

// generic-omr's clear zone.
const RectMm kZone{190, 80, 16, 74};

double pt(double mm) { return mm * 72 / 25.4; }
// A PDF y (points from the bottom) of a distance from the top in mm.
double from_top(double mm) { return 841.89 - pt(mm); }

std::string at(double x_mm, double y_mm) {
  char text[64];
  std::snprintf(text, sizeof text, "%.2f %.2f", pt(x_mm), from_top(y_mm));
  return text;
}

// One A4 page showing `content`, with the fonts, image and form it may
// use: /F1 Helvetica (no widths: the standard font's), /F2 a font whose
// every glyph is 250/1000 em wide, /Im1 a black 1x1 image, /Fm1 a form
// that shows text at its origin.
std::filesystem::path page_with(const test::TempFolder& folder, const std::string& name, const std::string& content) {
  const std::string form = "BT /F1 10 Tf 0 0 Td (Betrag: 12.345,67 EUR) Tj ET";
  const std::map<std::uint32_t, std::string> objects = {
      {1, "<< /Type /Catalog /Pages 2 0 R >>"},
      {2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"},
      {3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.276 841.89] /Contents 4 0 R /Resources << /Font << /F1 5 0 "
          "R /F2 6 0 R >> /XObject << /Im1 7 0 R /Fm1 8 0 R >> >> >>"},
      {4, test::pdf_stream(content)},
      {5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"},
      {6, "<< /Type /Font /Subtype /Type1 /BaseFont /Narrow /FirstChar 32 /LastChar 126 /Widths [" +
              [] {
                std::string widths;
                for (int i = 32; i <= 126; ++i) widths += "250 ";
                return widths;
              }() +
              "] >>"},
      {7, "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 "
          ">>\nstream\n\x00\nendstream"},
      {8, "<< /Type /XObject /Subtype /Form /BBox [0 0 300 50] /Resources << /Font << /F1 5 0 R >> >> /Length " +
              std::to_string(form.size()) + " >>\nstream\n" + form + "\nendstream"},
  };
  const auto path = folder / (name + ".pdf");
  test::write_file(path, test::classic_pdf(objects));
  return path;
}

struct Verdict {
  std::optional<pdf::InkMark> found;
  bool rendered_dark = false;  // what poppler prints in the zone
};

Verdict check(const std::string& name, const std::string& content) {
  test::TempFolder folder;
  const auto path = page_with(folder, name, content);
  SourcePdf spool(path, name + ".pdf");
  Verdict verdict;
  verdict.found = spool.ink_in(0, {kZone}).in_zones;
  const auto page = test::render_pages(path, 150).at(0);
  verdict.rendered_dark = page.any_dark_mm(kZone.x, kZone.y, kZone.width, kZone.height);
  return verdict;
}

}  // namespace

TEST_CASE("ink in the clear zone is found where poppler prints it", "[ingest][ink]") {
  SECTION("an amount at the right margin that runs into the zone") {
    const auto verdict = check("amount", "BT /F1 10 Tf " + at(165, 100) + " Td (Betrag: 12.345,67 EUR) Tj ET");
    CHECK(verdict.rendered_dark);
    REQUIRE(verdict.found);
    CHECK(verdict.found->what == "text");
    CHECK(verdict.found->x_mm == Approx(190).margin(0.01));
    CHECK(verdict.found->y_mm == Approx(100 - 10 * 0.95 * 25.4 / 72).margin(0.5));
  }
  SECTION("a black box") {
    const auto verdict = check("box", "0 g " + at(195, 120) + " 20 20 re f");
    CHECK(verdict.rendered_dark);
    REQUIRE(verdict.found);
    CHECK(verdict.found->what == "a path");
  }
  SECTION("an image") {
    const auto verdict = check("image", "q 20 0 0 20 " + at(195, 120) + " cm /Im1 Do Q");
    CHECK(verdict.rendered_dark);
    REQUIRE(verdict.found);
    CHECK(verdict.found->what == "an image");
  }
  SECTION("text inside a form drawn there") {
    const auto verdict = check("form", "q 1 0 0 1 " + at(170, 110) + " cm /Fm1 Do Q");
    CHECK(verdict.rendered_dark);
    CHECK(verdict.found);
  }
  SECTION("text turned a quarter") {
    const auto verdict = check("turned", "q 0 1 -1 0 " + at(200, 140) + " cm BT /F1 10 Tf 0 0 Td (Seite 1 von 2) Tj ET Q");
    CHECK(verdict.rendered_dark);
    CHECK(verdict.found);
  }
}

TEST_CASE("what does not print in the clear zone is no ink", "[ingest][ink]") {
  SECTION("the same amount further left, measured with the standard font's widths") {
    const auto verdict = check("left", "BT /F1 10 Tf " + at(130, 100) + " Td (Betrag: 12.345,67 EUR) Tj ET");
    CHECK_FALSE(verdict.rendered_dark);
    CHECK_FALSE(verdict.found);
  }
  SECTION("narrow glyphs, measured with the font's own widths") {
    const auto verdict =
        check("narrow", "BT /F2 10 Tf " + at(130, 100) + " Td (Betrag: 12.345,67 EUR, faellig am 15.02.) Tj ET");
    CHECK_FALSE(verdict.found);
  }
  SECTION("a white box: a file that whitens the zone itself") {
    const auto verdict = check("white", "1 g " + at(190, 154) + " 16 74 re f 1 1 1 RG 2 w " + at(191, 150) + " 10 10 re S");
    CHECK_FALSE(verdict.rendered_dark);
    CHECK_FALSE(verdict.found);
  }
  SECTION("a box clipped away") {
    const auto verdict =
        check("clipped", "q 0 0 300 842 re W n 0 g " + at(150, 120) + " 80 20 re f Q");
    CHECK_FALSE(verdict.rendered_dark);
    CHECK_FALSE(verdict.found);
  }
  SECTION("invisible text, as an OCR layer has") {
    const auto verdict = check("invisible", "BT 3 Tr /F1 10 Tf " + at(192, 100) + " Td (unsichtbar) Tj ET");
    CHECK_FALSE(verdict.rendered_dark);
    CHECK_FALSE(verdict.found);
  }
}

TEST_CASE("fonts that show text without their program in the file are named", "[ingest][ink]") {
  test::TempFolder folder;
  const auto path = page_with(folder, "fonts",
                              "BT /F1 10 Tf 72 700 Td (Helvetica) Tj /F2 10 Tf 0 -20 Td (Narrow) Tj ET "
                              "BT /F2 10 Tf ET");
  SourcePdf spool(path, "fonts.pdf");
  const auto ink = spool.ink_in(0, {});
  REQUIRE(ink.unembedded_fonts.size() == 2);
  CHECK(ink.unembedded_fonts[0].name == "Helvetica");
  CHECK(ink.unembedded_fonts[0].standard);
  CHECK(ink.unembedded_fonts[1].name == "Narrow");
  CHECK_FALSE(ink.unembedded_fonts[1].standard);
  // A font chosen but showing nothing is no concern.
  const auto unused = page_with(folder, "unused", "BT /F1 10 Tf ET");
  CHECK(SourcePdf(unused, "unused.pdf").ink_in(0, {}).unembedded_fonts.empty());
}

TEST_CASE("a hostile content stream is read flat and within its limits", "[ingest][ink]") {
  SECTION("arrays nested 100,000 deep and stray delimiters") {
    const auto verdict = check("deep", std::string(100000, '[') + std::string(100000, ']') + std::string(1000, ')') +
                                           " 0 g " + at(195, 120) + " 5 5 re f");
    CHECK(verdict.found);
  }
  SECTION("an inline image whose data holds brackets and operators") {
    const auto verdict = check("inline", "q 20 0 0 20 " + at(195, 120) +
                                             " cm BI /W 4 /H 1 /CS /G /BPC 8 ID [[(f\nEI Q 0 g 0 0 1 1 re f");
    CHECK(verdict.found);
    CHECK(verdict.found->what == "an image");
  }
  SECTION("a text render mode far beyond the eight there are, read as filling") {
    const auto verdict =
        check("mode", "BT " + std::string(70, '5') + " Tr /F1 10 Tf " + at(192, 100) + " Td (Betrag) Tj ET");
    REQUIRE(verdict.found);
    CHECK(verdict.found->what == "text");
  }
}

}  // namespace kuvert

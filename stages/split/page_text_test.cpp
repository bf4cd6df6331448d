#include "stages/split/page_text.hpp"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "pipeline/model/din5008.hpp"
#include "pipeline/model/error.hpp"
#include "tests/support/csv.hpp"
#include "tests/support/file_text.hpp"
#include "tests/support/kuvert_job.hpp"
#include "tests/support/process.hpp"
#include "tests/support/source_pdf_files.hpp"
#include "tests/support/temp_folder.hpp"

using kuvert::RectMm;
using kuvert::split::lines_in;
using kuvert::split::PrintFileText;
using nlohmann::json;

TEST_CASE("A print file's words are read with their places: an address field's lines, an info block's", "[split]") {
  kuvert::SampleRecordsOptions options;
  options.records = 6;
  options.foreign_share = 0;
  kuvert::test::KuvertJob job(options);
  kuvert::test::require_success(job.run(), "kuvert run");
  std::map<std::string, json> records;
  std::ifstream in(job.folder() / "records.jsonl");
  for (std::string line; std::getline(in, line);) {
    const auto record = json::parse(line);
    records[record["id"]] = record;
  }
  const auto pieces = kuvert::test::read_csv(kuvert::test::read_file(job.output() / "R0001.csv"));
  PrintFileText text(job.output() / "R0001.pdf", "R0001.pdf");
  REQUIRE(text.pages() > 2);
  for (const auto& piece : pieces) {
    INFO(piece.at("documents"));
    const auto& record = records.at(piece.at("documents"));
    // Duplex: the piece's first sheet's front.
    const auto page = text.page(2 * std::stoi(piece.at("first_sheet")) - 1);
    namespace din = kuvert::din5008;
    const double field_y = din::geometry(kuvert::LetterForm::b).address_field_y;
    auto lines = lines_in(page, {din::kAddressFieldX, field_y + din::kReturnZoneHeight, din::kAddressFieldWidth,
                                 din::kRecipientZoneHeight});
    // The town's line last, the street's before it; the name's lines as
    // set, a long one wrapped in two ("Dr. Adelheid Freifrau von und zu" /
    // "Musterstein-Beispielsfelde").
    REQUIRE(lines.size() >= 3);
    CHECK(lines.back() ==
          record["recipient"]["postcode"].get<std::string>() + " " + record["recipient"]["city"].get<std::string>());
    CHECK(lines[lines.size() - 2] == record["recipient"]["street"]);
    // The name's words as the record has them, and as the page sets them.
    const auto words = [](const std::vector<std::string>& lines) {
      std::string text;
      for (const auto& line : lines) text += line + ' ';
      return text;
    };
    CHECK(words(std::vector<std::string>(lines.begin(), lines.end() - 2)) == words(record["recipient"]["name"]));
    const auto info = lines_in(page, {din::kInfoBlockX, field_y, din::kInfoBlockWidth, 30});
    CHECK(std::find(info.begin(), info.end(), "Kassenzeichen " + record["reference"].get<std::string>()) != info.end());
  }
  // kuvert's fonts say what their glyphs stand for: no page needed poppler.
  CHECK(text.read_by_poppler() == 0);
}

TEST_CASE("A file that is no PDF, or a page that is not there, is refused with its name", "[split]") {
  kuvert::test::TempFolder temp;
  std::ofstream(temp.path() / "brief.pdf") << "kein PDF";
  CHECK_THROWS_WITH(PrintFileText(temp.path() / "brief.pdf", "brief.pdf"), "file \"brief.pdf\": is not a PDF file");
}

namespace {

// The page's lines as poppler reads them: the reference for kuvert's own.
std::vector<std::string> poppler_lines(const std::filesystem::path& file, int page_index) {
  const std::unique_ptr<poppler::document> document(poppler::document::load_from_file(file.string()));
  REQUIRE(document);
  const std::unique_ptr<poppler::page> page(document->create_page(page_index));
  kuvert::split::PageText text;
  for (const auto& box : page->text_list()) {
    const auto utf8 = box.text().to_utf8();
    constexpr double mm = 25.4 / 72;
    const auto b = box.bbox();
    text.words.push_back(
        {std::string(utf8.begin(), utf8.end()), RectMm{b.x() * mm, b.y() * mm, b.width() * mm, b.height() * mm}});
  }
  return lines_in(text, {0, 0, 210, 297});
}

}  // namespace

TEST_CASE("kuvert reads a page's words from its fonts' encodings and ToUnicode maps as poppler does", "[split]") {
  kuvert::test::TempFolder temp;
  const std::string to_unicode =
      "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
      "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
      "2 beginbfchar <0001> <0053> <0002> <0020> endbfchar\n"
      "1 beginbfrange <0003> <0006> [<0065> <0069> <0074> <00FC>] endbfrange\n"
      "endcmap end end";
  // Lines at 800, 770, ... points: each font, then word breaks by gaps,
  // kerning inside a word, and a word drawn twice over itself for bold.
  const std::string content =
      "BT /F1 11 Tf 60 800 Td (Grundsteuerbescheid f\\374r die Stra\\337e 12) Tj ET\n"
      "BT /F2 11 Tf 60 770 Td (Zahlbar in ABC am 15.) Tj ET\n"
      "BT /F3 11 Tf 60 740 Td (Geb\\237hr \\200nderung \\212) Tj ET\n"
      "BT /F4 11 Tf 60 710 Td (Peter\\047s Haus) Tj ET\n"
      "BT /F5 11 Tf 60 680 Td <0001000300040005000300020006> Tj ET\n"
      "BT /F1 10 Tf 60 650 Td [(Kassen) 50 (zeichen) -400 (4711) -30 (-0815)] TJ ET\n"
      "BT /F1 10 Tf 60 620 Td (Fett) Tj ET BT /F1 10 Tf 60.4 620 Td (Fett) Tj ET\n"
      "BT /F1 10 Tf 60 590 Td (Seite) Tj 30 0 Td (1) Tj ET\n"
      // Letter-spaced (2 pt at 10 pt: one word still, as poppler has it),
      // and text set off the page, which no one reads.
      "BT /F1 10 Tf 2 Tc 60 560 Td (Gesperrt) Tj ET\n"
      "BT /F1 10 Tf -400 530 Td (Versteckt) Tj ET\n";
  const auto simple = [](const std::string& base, const std::string& encoding) {
    return "<< /Type /Font /Subtype /Type1 /BaseFont /" + base + encoding + " >>";
  };
  const std::map<std::uint32_t, std::string> objects = {
      {1, "<< /Type /Catalog /Pages 2 0 R >>"},
      {2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"},
      {3,
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.276 841.89] /Contents 4 0 R /Resources << /Font << "
       "/F1 5 0 R /F2 6 0 R /F3 7 0 R /F4 8 0 R /F5 9 0 R >> >> >>"},
      {4, kuvert::test::pdf_stream(content)},
      {5, simple("Helvetica", " /Encoding /WinAnsiEncoding")},
      {6,
       simple("Times-Roman",
              " /Encoding << /BaseEncoding /WinAnsiEncoding /Differences [65 /adieresis /uni20AC /germandbls.sc] >>")},
      {7, simple("Courier", " /Encoding /MacRomanEncoding")},
      {8, simple("Helvetica", "")},
      {9,
       "<< /Type /Font /Subtype /Type0 /BaseFont /Brief /Encoding /Identity-H /DescendantFonts [10 0 R] "
       "/ToUnicode 11 0 R >>"},
      {10,
       "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Brief /CIDSystemInfo << /Registry (Adobe) /Ordering "
       "(Identity) /Supplement 0 >> /DW 600 /CIDToGIDMap /Identity >>"},
      {11, kuvert::test::pdf_stream(to_unicode)},
  };
  const auto file = temp.path() / "brief.pdf";
  std::ofstream(file, std::ios::binary) << kuvert::test::classic_pdf(objects);
  PrintFileText text(file, "brief.pdf");
  const auto lines = lines_in(text.page(1), {0, 0, 210, 297});
  CHECK(text.read_by_poppler() == 0);
  CHECK(lines == poppler_lines(file, 0));
  CHECK(lines == std::vector<std::string>{"Grundsteuerbescheid für die Straße 12", "Zahlbar in ä€ß am 15.",
                                          "Gebühr Änderung ä", "Peter’s Haus", "Seite ü", "Kassenzeichen 4711-0815",
                                          "Fett", "Seite 1", "Gesperrt"});
}

TEST_CASE("A page whose font does not say what its glyphs stand for is read by poppler", "[split]") {
  kuvert::test::TempFolder temp;
  const std::map<std::uint32_t, std::string> objects = {
      {1, "<< /Type /Catalog /Pages 2 0 R >>"},
      {2, "<< /Type /Pages /Kids [3 0 R 4 0 R 10 0 R 11 0 R] /Count 4 >>"},
      {3,
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.276 841.89] /Contents 5 0 R /Resources << /Font << "
       "/F1 6 0 R >> >> >>"},
      {4,
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.276 841.89] /Contents 7 0 R /Resources << /Font << "
       "/F1 6 0 R /F2 8 0 R >> >> >>"},
      {5, kuvert::test::pdf_stream("BT /F1 12 Tf 60 800 Td (Seite 1 von 2) Tj ET")},
      {6, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"},
      {7,
       kuvert::test::pdf_stream("BT /F1 12 Tf 60 800 Td (Seite 2 von 2) Tj ET BT /F2 12 Tf 60 700 Td (Anlage) Tj ET")},
      // A symbolic font without /Encoding or /ToUnicode: only its program
      // (which poppler reads, or guesses) knows its glyphs.
      {8, "<< /Type /Font /Subtype /TrueType /BaseFont /Zeichen /FirstChar 32 /LastChar 126 /Widths [" +
              [] {
                std::string widths;
                for (int i = 32; i <= 126; ++i) widths += "500 ";
                return widths;
              }() +
              "] /FontDescriptor 9 0 R >>"},
      {9,
       "<< /Type /FontDescriptor /FontName /Zeichen /Flags 4 /FontBBox [0 -200 1000 800] /ItalicAngle 0 "
       "/Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>"},
      // Marked content that says its own text (/ActualText), and text
      // written top to bottom (Identity-V).
      {10,
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.276 841.89] /Contents 12 0 R /Resources << /Font << "
       "/F1 6 0 R >> >> >>"},
      {11,
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.276 841.89] /Contents 13 0 R /Resources << /Font << "
       "/F1 6 0 R /F3 14 0 R >> >> >>"},
      {12,
       kuvert::test::pdf_stream("/Span << /ActualText (Stra\\337e) >> BDC BT /F1 12 Tf 60 800 Td (Strasse) Tj ET EMC")},
      {13, kuvert::test::pdf_stream("BT /F1 12 Tf 60 800 Td (Seite 1) Tj ET BT /F3 12 Tf 300 700 Td <00010002> Tj ET")},
      {14,
       "<< /Type /Font /Subtype /Type0 /BaseFont /Senkrecht /Encoding /Identity-V /DescendantFonts [15 0 R] "
       "/ToUnicode 16 0 R >>"},
      {15,
       "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Senkrecht /CIDSystemInfo << /Registry (Adobe) "
       "/Ordering (Identity) /Supplement 0 >> /DW 1000 >>"},
      {16, kuvert::test::pdf_stream("1 beginbfchar <0001> <0041> endbfchar 1 beginbfchar <0002> <0042> endbfchar")},
  };
  const auto file = temp.path() / "brief.pdf";
  std::ofstream(file, std::ios::binary) << kuvert::test::classic_pdf(objects);
  PrintFileText text(file, "brief.pdf");
  CHECK(lines_in(text.page(1), {0, 0, 210, 297}) == std::vector<std::string>{"Seite 1 von 2"});
  CHECK(text.read_by_poppler() == 0);
  CHECK(lines_in(text.page(2), {0, 0, 210, 297}) == poppler_lines(file, 1));
  CHECK(text.read_by_poppler() == 1);
  CHECK(lines_in(text.page(3), {0, 0, 210, 297}) == poppler_lines(file, 2));
  CHECK(text.read_by_poppler() == 2);
  CHECK(lines_in(text.page(4), {0, 0, 210, 297}) == poppler_lines(file, 3));
  CHECK(text.read_by_poppler() == 3);
}

TEST_CASE("A page whose fonts describe too many codes is refused, however they are given", "[split]") {
  kuvert::test::TempFolder temp;
  // A form with a font given in place, drawn 5,000 times: each drawing
  // reads the font again.
  std::string content;
  for (int i = 0; i < 5000; ++i) content += "/Fm1 Do ";
  const std::string form = "BT /F9 10 Tf 0 0 Td (x) Tj ET";
  const std::map<std::uint32_t, std::string> objects = {
      {1, "<< /Type /Catalog /Pages 2 0 R >>"},
      {2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"},
      {3,
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.276 841.89] /Contents 4 0 R /Resources << /XObject << "
       "/Fm1 5 0 R >> >> >>"},
      {4, kuvert::test::pdf_stream(content)},
      {5,
       "<< /Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /Font << /F9 << /Type /Font "
       "/Subtype /Type1 /BaseFont /Helvetica >> >> >> /Length " +
           std::to_string(form.size()) + " >>\nstream\n" + form + "\nendstream"},
  };
  const auto file = temp.path() / "brief.pdf";
  std::ofstream(file, std::ios::binary) << kuvert::test::classic_pdf(objects);
  PrintFileText text(file, "brief.pdf");
  CHECK_THROWS_WITH(text.page(1),
                    "file \"brief.pdf\": has a page whose fonts describe more than 1048576 character "
                    "codes; no letter's fonts have as many");
}

TEST_CASE("kuvert reads the shipped print files' pages as poppler does", "[split]") {
  for (const auto* name : {"musterstadt-grundsteuer-2026.pdf", "nachbarstadt-bezuege-2026-11.pdf"}) {
    INFO(name);
    const auto file = kuvert::test::source_dir() / "samples" / "druckdateien" / name;
    PrintFileText text(file, name);
    REQUIRE(text.pages() > 40);
    for (std::uint32_t page = 1; page <= text.pages(); ++page) {
      INFO("page " << page);
      CHECK(lines_in(text.page(page), {0, 0, 210, 297}) == poppler_lines(file, static_cast<int>(page) - 1));
    }
    CHECK(text.read_by_poppler() == 0);
  }
}

TEST_CASE("kuvert reads print files other producers wrote as poppler does", "[split]") {
  kuvert::test::TempFolder temp;
  const auto sample = kuvert::test::source_dir() / "samples" / "druckdateien" / "nachbarstadt-bezuege-2026-11.pdf";
  const auto run = [](const std::vector<std::string>& argv, const std::string& input = {}) {
    const auto result = kuvert::test::run_process(argv, input);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return result.out;
  };
  std::vector<std::filesystem::path> files;
  // cairo: TrueType subsets, WinAnsi and Identity-H, with ToUnicode maps.
  files.push_back(temp.path() / "cairo.pdf");
  run({"pdftocairo", "-pdf", "-f", "1", "-l", "8", sample.string(), files.back().string()});
  // Ghostscript's pdfwrite, as "print to PDF" drivers run it.
  files.push_back(temp.path() / "ghostscript.pdf");
  run({"gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", "-dFirstPage=1", "-dLastPage=8",
       "-sOutputFile=" + files.back().string(), sample.string()});
  // groff's PostScript through ps2pdf: Type 1 fonts of a custom encoding,
  // glyph names and no ToUnicode, as older mainframe and Unix print chains.
  std::ofstream(temp.path() / "brief.ps")
      << run({"groff", "-Tps"},
             "Gemeinde Musterstadt \\[u00FC]ber Stra\\[u00DF]e 12 \\[Eu] office fl\n.br\n"
             "Kassenzeichen K-2026-000001\n.br\nSeite 1 von 2\n.bp\nSeite 2 von 2\n");
  files.push_back(temp.path() / "groff.pdf");
  run({"ps2pdf", (temp.path() / "brief.ps").string(), files.back().string()});
  for (const auto& file : files) {
    INFO(file.filename());
    PrintFileText text(file, file.filename().string());
    REQUIRE(text.pages() >= 2);
    for (std::uint32_t page = 1; page <= text.pages(); ++page) {
      INFO("page " << page);
      CHECK(lines_in(text.page(page), {0, 0, 210, 297}) == poppler_lines(file, static_cast<int>(page) - 1));
    }
    CHECK(text.read_by_poppler() == 0);
  }
  PrintFileText groff(files.back(), "groff.pdf");
  const auto lines = lines_in(groff.page(1), {0, 0, 210, 297});
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "Gemeinde Musterstadt über Straße 12 € office fl");
}

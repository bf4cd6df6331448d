// `kuvert scan` on a generated batch, as an operator runs it: separator
// sheets, skewed and upside-down letter pages with dust, blank backs, a
// bitonal TIFF and a colour JPEG, and files it must reject. Every document
// is checked from its output: index record, text layer, images, PDF/A
// markers and qpdf.
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "pipeline/model/scan_summary.hpp"
#include "tests/support/edited_layouts.hpp"
#include "tests/support/generated_page.hpp"
#include "tests/support/kuvert_job.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_folder.hpp"
#include "tools/sample_scan/sample_batch.hpp"

namespace kuvert {
namespace {

using scan::PixPtr;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string file_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

nlohmann::json json_file(const std::filesystem::path& path) { return nlohmann::json::parse(file_text(path)); }

bool has_field(const nlohmann::json& index, const std::string& name, const std::string& value) {
  for (const auto& field : index["fields"])
    if (field["name"] == name && field["value"] == value) return true;
  return false;
}

TEST_CASE("kuvert scan archives a batch as searchable PDF/A documents with index records", "[scan][e2e][slow]") {
  test::TempFolder folder;
  const auto input = folder.path() / "eingang";
  std::filesystem::create_directories(input);
  // 1: the sample batch (3 documents of 2 letter pages), one image-only PDF.
  const auto batch = sample::write_sample_batch(input / "1-stapel.pdf", {3, 2, test::source_dir() / "fonts"});
  // 2: a bitonal multi-page TIFF: separator sheet and one page.
  PixPtr separator(pixConvertTo1(sample::separator_sheet("TRENN-0004").get(), 128));
  PixPtr bitonal(pixConvertTo1(test::text_page().get(), 128));
  const auto tiff = input / "2-fax.tif";
  REQUIRE(pixWriteTiff(tiff.c_str(), separator.get(), IFF_TIFF_G4, "w") == 0);
  REQUIRE(pixWriteTiff(tiff.c_str(), bitonal.get(), IFF_TIFF_G4, "a") == 0);
  // 3: a colour JPEG, continuing the TIFF's document.
  PixPtr colour(pixConvertTo32(test::text_page().get()));
  pixSetResolution(colour.get(), 300, 300);
  PixPtr red(pixCreate(pixGetWidth(colour.get()), 80, 32));
  pixSetAllArbitrary(red.get(), 0xd0202000);
  pixRasterop(colour.get(), 0, 0, pixGetWidth(colour.get()), 80, PIX_SRC, red.get(), 0, 0);
  REQUIRE(pixWrite((input / "3-farbe.jpg").c_str(), colour.get(), IFF_JFIF_JPEG) == 0);
  // 4 and 5: what must be rejected, with the rest still archived.
  std::ofstream(input / "4-leer.tif");
  std::ofstream(input / "5-notiz.png") << "keine Pixel\n";

  const auto output = folder.path() / "archiv";
  const auto result = test::run_process({KUVERT_BINARY, "scan", input.string(), "-o", output.string(), "--threads", "2"});
  INFO(result.out + result.err);
  CHECK(result.exit_code == 1);  // files were rejected
  CHECK(contains(result.err, "4-leer.tif\": is empty (0 bytes)"));
  CHECK(contains(result.err, "5-notiz.png\": is not a scan: kuvert reads TIFF, PNG, JPEG and PDF files"));

  const auto summary = json_file(output / "summary.json");
  CHECK(nlohmann::json(summary.get<kuvert::ScanSummary>()) == summary);  // the typed result holds the whole file
  CHECK(summary["rejected"].size() == 2);
  CHECK(summary["pages"] == batch.pages + 3);
  CHECK(summary["separator_sheets"] == 4);
  CHECK(summary["blank_pages_dropped"] == 3);
  REQUIRE(summary["documents"].size() == 4);

  for (std::size_t d = 0; d < 4; ++d) {
    const auto& listed = summary["documents"][d];
    const std::string id = listed["id"];
    INFO(id);
    CHECK(id == "archiv-000" + std::to_string(d + 1));
    const auto index = json_file(output / listed["index"].get<std::string>());
    const auto pdf = output / index["file"].get<std::string>();
    CHECK(index["barcodes"][0]["value"] == "TRENN-000" + std::to_string(d + 1));
    CHECK(index["pages_kept"] == 2);
    CHECK(index["mean_confidence"].get<double>() > 80);
    const auto text = test::run_process({"pdftotext", pdf.string(), "-"});
    CHECK(test::run_process({"qpdf", "--check", pdf.string()}).exit_code == 0);
    const std::string bytes = file_text(pdf);
    CHECK(contains(bytes, "/GTS_PDFA1"));
    CHECK(contains(bytes, "<pdfaid:part>2</pdfaid:part>"));
    CHECK(contains(bytes, "<pdfaid:conformance>B</pdfaid:conformance>"));
    CHECK(contains(bytes, "<pdf:Keywords>kassenzeichen: K-2026-000"));
    CHECK(contains(test::run_process({"pdffonts", pdf.string()}).out, "GlyphLessFont"));
    CHECK(has_field(index, "iban", "DE02120300000000202051"));
    if (d < 3) {
      CHECK(index["blank_pages_dropped"] == 1);
      for (std::size_t p = 0; p < 2; ++p) {
        const std::size_t n = d * 2 + p;
        const auto& page = index["pages"][p];
        CHECK(page["source"] == (input / "1-stapel.pdf").string());
        CHECK(std::abs(page["deskew_degrees"].get<double>() + batch.skew_degrees[n]) <= 0.3);
        CHECK(page["rotation"] == (batch.upside_down[n] ? 180 : 0));
        const std::string kassenzeichen = "K-2026-000" + std::to_string((d + 1) * 100 + p + 1);
        CHECK(has_field(index, "kassenzeichen", kassenzeichen));
        // Document info from the index, in /Info (and XMP alike).
        CHECK(contains(test::run_process({"pdfinfo", pdf.string()}).out, "kassenzeichen: " + kassenzeichen));
        CHECK(contains(text.out, kassenzeichen));
      }
      const std::string expected = batch.page_texts[d * 2] + "\f" + batch.page_texts[d * 2 + 1];
      CHECK(sample::character_accuracy(expected, index["text"].get<std::string>()) >= 0.98);
      CHECK(contains(test::run_process({"pdfimages", "-list", pdf.string()}).out, "jpeg"));
    } else {
      // The TIFF's page (bitonal, kept lossless) and the JPEG's (colour).
      CHECK(index["sources"].size() == 2);
      CHECK(index["pages"][0]["tone"] == "bitonal");
      CHECK(index["pages"][1]["tone"] == "colour");
      const auto images = test::run_process({"pdfimages", "-list", pdf.string()}).out;
      CHECK(contains(images, "ccitt"));
      CHECK(contains(images, "rgb"));
      CHECK(contains(text.out, "Müller-Lüdenscheidt"));
      CHECK(has_field(index, "kassenzeichen", "K-2026-000042"));
    }
  }
}

TEST_CASE("kuvert scan lists every file it rejects with the reason and archives the rest", "[scan][e2e][slow]") {
  test::TempFolder folder;
  const auto input = folder.path() / "eingang";
  std::filesystem::create_directories(input);
  sample::write_sample_batch(input / "a-gut.pdf", {1, 1, test::source_dir() / "fonts"});
  const std::string whole = file_text(input / "a-gut.pdf");
  std::ofstream(input / "b-abgeschnitten.pdf", std::ios::binary) << whole.substr(0, whole.size() / 2);
  REQUIRE(test::run_process({"qpdf", "--encrypt", "geheim", "geheim", "256", "--", (input / "a-gut.pdf").string(),
                             (input / "c-verschluesselt.pdf").string()})
              .exit_code == 0);
  std::ofstream(input / "d-leer.jpg");
  std::ofstream(input / "e-text.tif") << "Dies ist kein Bild.\n";
  // A PNG header claiming 60,000 x 60,000 pixels: a decompression bomb.
  const std::string header("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\xea\x60\0\0\xea\x60\x08\0\0\0\0", 29);
  std::ofstream(input / "f-bombe.png", std::ios::binary) << header << std::string(64, '\0');
  std::filesystem::create_directories(input / "g-ordner");  // folders within a folder are not inputs

  const auto output = folder.path() / "archiv";
  const auto result = test::run_process({KUVERT_BINARY, "scan", input.string(), "-o", output.string()});
  INFO(result.out + result.err);
  CHECK(result.exit_code == 1);
  const auto summary = json_file(output / "summary.json");
  CHECK(summary["documents"].size() == 1);
  std::map<std::string, std::string> reasons;
  for (const auto& rejected : summary["rejected"])
    reasons[std::filesystem::path(rejected["file"].get<std::string>()).filename().string()] = rejected["reason"];
  CHECK(reasons.size() == 5);
  CHECK(reasons["b-abgeschnitten.pdf"] == "is a damaged or truncated PDF file");
  CHECK(reasons["c-verschluesselt.pdf"] == "is an encrypted PDF file; scans must not be");
  CHECK(reasons["d-leer.jpg"] == "is empty (0 bytes)");
  CHECK(reasons["e-text.tif"] == "is not a scan: kuvert reads TIFF, PNG, JPEG and PDF files, and this is none of them");
  CHECK_FALSE(reasons["f-bombe.png"].empty());
  for (const auto& [file, reason] : reasons) CHECK(contains(result.err, file + "\": " + reason));
  // The inputs are left as they were.
  CHECK(file_text(input / "a-gut.pdf") == whole);
}

TEST_CASE("a scan at a resolution the profile does not take is refused, and no text claims no confidence",
          "[scan][e2e][slow]") {
  test::TempFolder folder;
  const auto input = folder.path() / "eingang";
  std::filesystem::create_directories(input);
  test::write_text_page(input / "a-grob.png", 40);
  test::write_text_page(input / "b-gut.png", 300);
  // A page without text, kept: the profile drops no blank pages here.
  PixPtr white(pixCreate(2480, 3508, 8));
  pixSetAll(white.get());
  pixSetResolution(white.get(), 300, 300);
  REQUIRE(pixWrite((input / "c-leer.png").c_str(), white.get(), IFF_PNG) == 0);
  const auto layouts = test::edited_layouts(folder.path(), "scan/posteingang.toml", [](std::string& profile) {
    const std::string separation = "separation = \"separator_sheet\"";
    profile.replace(profile.find(separation), separation.size(), "separation = \"page_count\"\ndrop_blank_pages = false");
  });
  const auto output = folder.path() / "archiv";
  const auto result = test::run_process(
      {KUVERT_BINARY, "scan", input.string(), "-o", output.string(), "--layouts", layouts.string()});
  INFO(result.out + result.err);
  CHECK(result.exit_code == 1);
  CHECK(contains(result.err, "a-grob.png\": page 1 is scanned at 40 dpi; scan profile \"posteingang\" takes 200 to "
                             "600 dpi (min_dpi, max_dpi)"));
  const auto summary = json_file(output / "summary.json");
  REQUIRE(summary["documents"].size() == 2);
  const auto blank = json_file(output / "archiv-0002.json");
  CHECK(blank["pages"][0]["words"] == 0);
  CHECK(blank["pages"][0]["mean_confidence"].is_null());
  CHECK(blank["mean_confidence"].is_null());
  CHECK(json_file(output / "archiv-0001.json")["mean_confidence"].get<double>() > 80);
}

TEST_CASE("kuvert scan refuses an existing output folder and a missing input before any work", "[scan][e2e]") {
  test::TempFolder folder;
  std::filesystem::create_directories(folder.path() / "archiv");
  auto result = test::run_process({KUVERT_BINARY, "scan", (folder.path() / "fehlt.tif").string(), "-o",
                                   (folder.path() / "neu").string()});
  CHECK(result.exit_code == 2);
  CHECK(contains(result.err, "fehlt.tif\": does not exist"));
  CHECK_FALSE(std::filesystem::exists(folder.path() / "neu"));
  result = test::run_process({KUVERT_BINARY, "scan", folder.path().string(), "-o", (folder.path() / "archiv").string()});
  CHECK(result.exit_code == 1);
  CHECK(contains(result.err, "exists"));
  result = test::run_process(
      {KUVERT_BINARY, "scan", folder.path().string(), "-o", (folder.path() / "neu").string(), "--name", "../post"});
  CHECK(result.exit_code == 2);
  CHECK(contains(result.err, "option --name: \"../post\" cannot name documents"));
  CHECK_FALSE(std::filesystem::exists(folder.path() / "neu"));
}

}  // namespace
}  // namespace kuvert

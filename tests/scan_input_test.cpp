// Scanned files read page by page: TIFF with several pages, PNG, JPEG and
// image-only PDF, with their resolution and tone; empty, truncated,
// foreign, encrypted and oversized files refused with their name and the
// reason (the decompression-bomb guard of layouts/scan/policy.xml).
#include <zlib.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "stages/scan/archive_file.hpp"
#include "pipeline/model/error.hpp"
#include "stages/scan/scan_input.hpp"
#include "tests/support/file_text.hpp"
#include "tests/support/generated_page.hpp"
#include "tests/support/kuvert_job.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_folder.hpp"
#include "tools/sample_scan/scan_sample.hpp"

namespace kuvert {
namespace {

using scan::PixPtr;

void start() { scan::start_image_reading(test::source_dir() / "layouts" / "scan"); }

std::vector<scan::ScannedPage> pages_of(const std::filesystem::path& file) {
  const auto scan_file = scan::open_scan_file(file, file.filename().string());
  std::vector<scan::ScannedPage> pages;
  for (std::size_t i = 0; i < scan_file->pages(); ++i) pages.push_back(scan_file->page(i));
  return pages;
}

// The first 1/`part` of `whole` in `cut`, as an interrupted copy leaves it.
void write_cut(const std::filesystem::path& whole, const std::filesystem::path& cut, std::size_t part) {
  std::ifstream in(whole, std::ios::binary);
  const std::string bytes(std::istreambuf_iterator<char>(in), {});
  std::ofstream(cut, std::ios::binary) << bytes.substr(0, bytes.size() / part);
}

// An image-only PDF as scanners write it: one page per image, no text.
void write_image_pdf(const std::filesystem::path& pdf, const std::vector<std::pair<Pix*, bool>>& pages) {
  ArchiveFile file(pdf, {"Scan", "2026-11-22T12:00:00Z"});
  for (const auto& [image, bitonal] : pages) file.add_page(scan::encode_archive_page(image, 300, {}, bitonal, 90));
  file.finish();
}

// A colour copy of a grey page: the text red, a blue bar at the top.
PixPtr coloured(Pix* grey) {
  PixPtr colour(pixConvertTo32(grey));
  for (l_int32 y = 0; y < pixGetHeight(colour.get()); ++y)
    for (l_int32 x = 0; x < pixGetWidth(colour.get()); ++x) {
      l_int32 r, g, b;
      pixGetRGBPixel(colour.get(), x, y, &r, &g, &b);
      if (y < 60) pixSetRGBPixel(colour.get(), x, y, 20, 40, 200);
      else if (r < 128) pixSetRGBPixel(colour.get(), x, y, 200, 20, 20);
    }
  return colour;
}

std::string refusal(const std::filesystem::path& file) {
  try {
    pages_of(file);
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::input);
    REQUIRE(error.problems().size() == 1);
    CHECK(error.problems().front().where.file == file.filename().string());
    return error.problems().front().message;
  }
  FAIL("the file was read");
  return "";
}

// A PNG whose header claims `width` x `height` pixels but holds hardly any.
std::string bomb_png(std::uint32_t width, std::uint32_t height) {
  const auto be = [](std::uint32_t v) {
    return std::string{static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
  };
  const auto chunk = [&](const std::string& type, const std::string& data) {
    const std::string body = type + data;
    return be(static_cast<std::uint32_t>(data.size())) + body +
           be(static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()))));
  };
  std::string ihdr = be(width) + be(height);
  ihdr += std::string{8, 0, 0, 0, 0};  // 8-bit grey
  return std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr) + chunk("IDAT", std::string("\x78\x9c\x03\x00\x00\x00\x00\x01", 8)) +
         chunk("IEND", "");
}

TEST_CASE("scans are read page by page from multi-page TIFF, PNG and JPEG", "[scan][input]") {
  start();
  test::TempFolder folder;
  const auto png = folder.path() / "page.png";
  test::write_text_page(png, 200);
  PixPtr page(pixRead(png.c_str()));
  REQUIRE(page);
  pixSetResolution(page.get(), 200, 200);
  PixPtr bitonal(pixConvertTo1(page.get(), 128));
  pixSetResolution(bitonal.get(), 200, 200);
  const auto tiff = folder.path() / "batch.tif";
  for (int i = 0; i < 3; ++i) REQUIRE(pixWriteTiff(tiff.c_str(), bitonal.get(), IFF_TIFF_G4, i == 0 ? "w" : "a") == 0);
  const auto jpeg = folder.path() / "page.jpg";
  REQUIRE(pixWrite(jpeg.c_str(), page.get(), IFF_JFIF_JPEG) == 0);

  const auto tiff_pages = pages_of(tiff);
  REQUIRE(tiff_pages.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(tiff_pages[i].number == i + 1);
    CHECK(tiff_pages[i].dpi == 200);
    CHECK(pixGetWidth(tiff_pages[i].image.get()) == pixGetWidth(page.get()));
    CHECK(pixGetDepth(tiff_pages[i].image.get()) == 8);
  }
  for (const auto& tiff_page : tiff_pages) CHECK(tiff_page.tone == scan::Tone::bitonal);
  const auto png_pages = pages_of(png);
  REQUIRE(png_pages.size() == 1);
  CHECK(png_pages[0].tone == scan::Tone::grey);
  const auto jpeg_pages = pages_of(jpeg);
  REQUIRE(jpeg_pages.size() == 1);
  CHECK(pixGetHeight(jpeg_pages[0].image.get()) == pixGetHeight(page.get()));
}

TEST_CASE("colour scans keep their colour", "[scan][input]") {
  start();
  test::TempFolder folder;
  PixPtr grey = test::text_page(150);
  PixPtr colour = coloured(grey.get());
  const auto colour_png = folder.path() / "colour.png";
  REQUIRE(pixWrite(colour_png.c_str(), colour.get(), IFF_PNG) == 0);
  const auto pages = pages_of(colour_png);
  REQUIRE(pages.size() == 1);
  CHECK(pages[0].tone == scan::Tone::colour);
  REQUIRE(pixGetDepth(pages[0].image.get()) == 32);
  l_int32 r, g, b;
  pixGetRGBPixel(pages[0].image.get(), 10, 10, &r, &g, &b);
  CHECK((r == 20 && g == 40 && b == 200));
}

TEST_CASE("image-only PDF scans are rendered page by page at 300 dpi", "[scan][input][slow]") {
  start();
  test::TempFolder folder;
  PixPtr grey = test::text_page(300);
  PixPtr colour = coloured(grey.get());
  const auto pdf = folder.path() / "scan.pdf";
  write_image_pdf(pdf, {{grey.get(), true}, {grey.get(), false}, {colour.get(), false}});
  const auto pages = pages_of(pdf);
  REQUIRE(pages.size() == 3);
  CHECK(pages[0].tone == scan::Tone::bitonal);
  CHECK(pages[1].tone == scan::Tone::grey);
  CHECK(pages[2].tone == scan::Tone::colour);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(pages[i].number == i + 1);
    CHECK(pages[i].dpi == 300);
    CHECK(std::abs(pixGetWidth(pages[i].image.get()) - pixGetWidth(grey.get())) <= 1);
    CHECK(std::abs(pixGetHeight(pages[i].image.get()) - pixGetHeight(grey.get())) <= 1);
  }
}

TEST_CASE("an encrypted PDF scan is refused", "[scan][input]") {
  start();
  test::TempFolder folder;
  PixPtr grey = test::text_page(100);
  write_image_pdf(folder.path() / "open.pdf", {{grey.get(), false}});
  const auto encrypted = folder.path() / "locked.pdf";
  const auto qpdf = test::run_process({"qpdf", "--encrypt", "geheim", "geheim", "256", "--",
                                       (folder.path() / "open.pdf").string(), encrypted.string()});
  REQUIRE(qpdf.exit_code == 0);
  CHECK(refusal(encrypted) == "is an encrypted PDF file; scans must not be");
}

TEST_CASE("a truncated PDF scan is refused", "[scan][input]") {
  start();
  test::TempFolder folder;
  PixPtr grey = test::text_page(100);
  write_image_pdf(folder.path() / "whole.pdf", {{grey.get(), false}});
  write_cut(folder.path() / "whole.pdf", folder.path() / "cut.pdf", 2);
  CHECK(refusal(folder.path() / "cut.pdf") == "is a damaged or truncated PDF file");
}

TEST_CASE("an empty scan file is refused", "[scan][input]") {
  start();
  test::TempFolder folder;
  std::ofstream(folder.path() / "empty.tif");
  CHECK(refusal(folder.path() / "empty.tif") == "is empty (0 bytes)");
}

TEST_CASE("a truncated scan file is refused", "[scan][input]") {
  start();
  test::TempFolder folder;
  const auto png = folder.path() / "page.png";
  test::write_text_page(png, 100);
  write_cut(png, folder.path() / "cut.png", 3);
  CHECK(refusal(folder.path() / "cut.png").starts_with("page 1 cannot be read: "));
}

TEST_CASE("a file of a format kuvert does not read is refused", "[scan][input]") {
  start();
  test::TempFolder folder;
  std::ofstream(folder.path() / "notes.png") << "these are not the pixels you are looking for\n";
  CHECK(refusal(folder.path() / "notes.png") == "is not a scan: kuvert reads TIFF, PNG, JPEG and PDF files, and this is none of them");
  std::ofstream(folder.path() / "liste.txt") << "Posteingang 2026\n";
  CHECK(refusal(folder.path() / "liste.txt") == "is not a scan: kuvert reads TIFF, PNG, JPEG and PDF files, and this is none of them");
  // A TIFF that is not one inside: ImageMagick's words, not its internals.
  std::ofstream(folder.path() / "kaputt.tif", std::ios::binary) << std::string("II*\0", 4) << "garbage, not a directory";
  const auto reason = refusal(folder.path() / "kaputt.tif");
  INFO(reason);
  CHECK(reason.starts_with("cannot be read as an image"));
  CHECK(reason.find('@') == std::string::npos);
  CHECK(reason.find('`') == std::string::npos);
  CHECK(reason.find(".c/") == std::string::npos);
  CHECK(reason.find("kaputt.tif") == std::string::npos);  // the file is named once, by the message
}

TEST_CASE("an image beyond the pixel limit is refused before it is decoded", "[scan][input]") {
  start();
  test::TempFolder folder;
  std::ofstream(folder.path() / "bomb.png", std::ios::binary) << bomb_png(60000, 60000);
  CHECK_FALSE(refusal(folder.path() / "bomb.png").empty());
}

}  // namespace
}  // namespace kuvert

namespace kuvert {
namespace {

TEST_CASE("a TIFF of many pages is read in order, each page once and whole", "[scan][input]") {
  start();
  test::TempFolder folder;
  sample::write_tiny_page_tiff(folder.path() / "many.tif", 150);
  const auto file = scan::open_scan_file(folder.path() / "many.tif", "many.tif");
  REQUIRE(file->pages() == 150);
  for (std::size_t i = 0; i < 150; ++i) {
    const auto page = file->page(i);
    CHECK(page.number == i + 1);
    REQUIRE(pixGetWidth(page.image.get()) == 32);
    l_int32 dark = 0;
    for (int x = 0; x < 32; ++x) {
      l_uint32 value = 0;
      pixGetPixel(page.image.get(), x, 0, &value);
      dark += value < 128 ? 1 : 0;
    }
    CHECK(dark == static_cast<l_int32>(i % 32));
  }
  CHECK(pixGetWidth(file->page(3).image.get()) == 32);  // asked for again, read again
}

TEST_CASE("a scan file of more than 2000 pages is refused before any is read", "[scan][input][slow]") {
  start();
  test::TempFolder folder;
  sample::write_tiny_page_tiff(folder.path() / "flood.tif", 2001);
  CHECK(refusal(folder.path() / "flood.tif") ==
        "has 2001 pages; at most 2000 are read from one file (split the batch)");
}

TEST_CASE("a page past the area limit is refused with its size and the limit", "[scan][input]") {
  start();
  test::TempFolder folder;
  std::ofstream(folder.path() / "big.png", std::ios::binary) << bomb_png(11000, 11000);
  CHECK(refusal(folder.path() / "big.png") ==
        "page 1 is 11000 x 11000 pixels (121.0 megapixels); the limit is 72.0 (layouts/scan/policy.xml)");
}

TEST_CASE("a TIFF whose pages loop back on themselves is refused", "[scan][input]") {
  start();
  test::TempFolder folder;
  const auto tiff = folder.path() / "loop.tif";
  sample::write_tiny_page_tiff(tiff, 3);
  std::string bytes = test::read_file(tiff);
  REQUIRE(bytes.compare(0, 2, "II") == 0);
  const auto u32 = [&](std::size_t at) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 8 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 2])) << 16 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 3])) << 24;
  };
  // Follow the directories to the last one and point it back at the first.
  const std::uint32_t first = u32(4);
  std::size_t next = 0;
  for (std::uint32_t at = first; at != 0; at = u32(next)) {
    const std::size_t entries = static_cast<unsigned char>(bytes[at]) | static_cast<unsigned char>(bytes[at + 1]) << 8;
    next = at + 2 + 12 * entries;
  }
  bytes.replace(next, 4, bytes.substr(4, 4));
  std::ofstream(tiff, std::ios::binary | std::ios::trunc) << bytes;
  CHECK(refusal(tiff) == "is damaged: its pages (TIFF directories) loop back on themselves");
}

}  // namespace
}  // namespace kuvert

// Scanned files read page by page: TIFF with several pages, PNG and JPEG,
// with their resolution; empty, truncated, foreign and oversized files
// refused with their name and the reason (the decompression-bomb guard of
// layouts/scan/policy.xml).
#include <zlib.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "pipeline/model/error.hpp"
#include "stages/scan/scan_input.hpp"
#include "tests/support/generated_page.hpp"
#include "tests/support/kuvert_job.hpp"
#include "tests/support/temp_folder.hpp"

namespace kuvert {
namespace {

using scan::PixPtr;

void start() { scan::start_image_reading(test::source_dir() / "layouts" / "scan"); }

std::vector<scan::ScannedPage> pages_of(const std::filesystem::path& file) {
  std::vector<scan::ScannedPage> pages;
  scan::read_scan_pages(file, file.filename().string(), [&](scan::ScannedPage&& page) { pages.push_back(std::move(page)); });
  return pages;
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
  test::write_text_page(folder.path(), png, 200);
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
  CHECK(pages_of(png).size() == 1);
  const auto jpeg_pages = pages_of(jpeg);
  REQUIRE(jpeg_pages.size() == 1);
  CHECK(pixGetHeight(jpeg_pages[0].image.get()) == pixGetHeight(page.get()));
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
  test::write_text_page(folder.path(), png, 100);
  std::string bytes;
  {
    std::ifstream in(png, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  std::ofstream(folder.path() / "cut.png", std::ios::binary) << bytes.substr(0, bytes.size() / 3);
  CHECK_FALSE(refusal(folder.path() / "cut.png").empty());
}

TEST_CASE("a file of a format kuvert does not read is refused", "[scan][input]") {
  start();
  test::TempFolder folder;
  std::ofstream(folder.path() / "notes.png") << "these are not the pixels you are looking for\n";
  CHECK(refusal(folder.path() / "notes.png").find("is not an image kuvert can read (TIFF, PNG, JPEG)") == 0);
}

TEST_CASE("an image beyond the pixel limit is refused before it is decoded", "[scan][input]") {
  start();
  test::TempFolder folder;
  std::ofstream(folder.path() / "bomb.png", std::ios::binary) << bomb_png(60000, 60000);
  CHECK_FALSE(refusal(folder.path() / "bomb.png").empty());
}

}  // namespace
}  // namespace kuvert

#include "stages/impose/datamatrix_code.hpp"

#include <ZXing/ReadBarcode.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdio>

#include "pipeline/model/error.hpp"

using kuvert::SheetContext;

namespace {

SheetContext sheet(std::uint32_t n, std::uint32_t m, std::vector<int> feeders) {
  SheetContext context;
  context.run_id = "R0001";
  context.piece_id = "R0001-000042";
  context.sheet_in_run = 7;
  context.run_sheets = 100;
  context.sheet_in_piece = n;
  context.piece_sheets = m;
  context.feeder_stations = std::move(feeders);
  return context;
}

// What a camera would see: `scale` pixels per module, `quiet` light modules
// around the symbol, 8-bit grey.
std::string read_back(const kuvert::ModuleMatrix& modules, int scale, int quiet) {
  const int width = (modules.width + 2 * quiet) * scale;
  const int height = (modules.height + 2 * quiet) * scale;
  std::vector<std::uint8_t> pixels(static_cast<std::size_t>(width) * height, 255);
  for (int y = 0; y < modules.height; ++y)
    for (int x = 0; x < modules.width; ++x)
      if (modules.at(x, y))
        for (int dy = 0; dy < scale; ++dy)
          for (int dx = 0; dx < scale; ++dx)
            pixels[static_cast<std::size_t>((y + quiet) * scale + dy) * width + (x + quiet) * scale + dx] = 0;
  const ZXing::ImageView image(pixels.data(), width, height, ZXing::ImageFormat::Lum);
  const auto result = ZXing::ReadBarcode(image, ZXing::DecodeHints().setFormats(ZXing::BarcodeFormat::DataMatrix));
  if (!result.isValid()) return "(unreadable)";
  const auto& bytes = result.bytes();
  return std::string(bytes.begin(), bytes.end());
}

}  // namespace

TEST_CASE("the DataMatrix payload names piece, sheet n of m and feeders", "[impose]") {
  CHECK(kuvert::datamatrix_payload(sheet(2, 3, {2, 1})) == "R0001-000042|S02/03|F1,2");
  CHECK(kuvert::datamatrix_payload(sheet(1, 1, {})) == "R0001-000042|S01/01|F");
  CHECK(kuvert::datamatrix_payload(sheet(12, 120, {3, 3})) == "R0001-000042|S12/120|F3");
}

TEST_CASE("a piece id without its run prefix is written after the run id", "[impose]") {
  auto context = sheet(1, 2, {4});
  context.piece_id = "000042";
  CHECK(kuvert::datamatrix_payload(context) == "R0001-000042|S01/02|F4");
}

TEST_CASE("ids that would break the payload are refused", "[impose]") {
  auto context = sheet(1, 1, {});
  context.piece_id = "R0001-00|42";
  try {
    kuvert::datamatrix_payload(context);
    FAIL("a '|' in the piece id was accepted");
  } catch (const kuvert::Error& error) {
    CHECK(error.kind() == kuvert::ErrorKind::internal);
    CHECK(std::string(error.what()) ==
          "record \"R0001-00|42\": the piece id \"R0001-00|42\" cannot go into a DataMatrix payload");
  }
  context.piece_id = "R0001-000042";
  context.run_id = "";
  CHECK_THROWS_AS(kuvert::datamatrix_payload(context), kuvert::Error);
}

TEST_CASE("the module matrix has one entry per module and the finder pattern", "[impose]") {
  const auto modules = kuvert::datamatrix_modules("R0001-000042|S02/03|F1,2");
  REQUIRE(modules.width == 18);
  REQUIRE(modules.height == 18);
  REQUIRE(modules.dark.size() == 18u * 18u);
  for (int i = 0; i < 18; ++i) {
    INFO("module " << i);
    CHECK(modules.at(0, i));                   // solid left edge
    CHECK(modules.at(i, 17));                  // solid bottom edge
    CHECK(modules.at(i, 0) == (i % 2 == 0));   // dashed top edge
    CHECK(modules.at(17, i) == (i % 2 == 1));  // dashed right edge
  }
}

TEST_CASE("the drawn DataMatrix reads back as its payload", "[impose]") {
  for (const auto& context : {sheet(2, 3, {1, 2}), sheet(1, 1, {}), sheet(60, 60, {1, 2, 3, 4})}) {
    const std::string payload = kuvert::datamatrix_payload(context);
    const auto modules = kuvert::datamatrix_modules(payload);
    CHECK(read_back(modules, 4, 1) == payload);
  }
}

TEST_CASE("a DataMatrix without its finder pattern does not read back", "[impose]") {
  auto modules = kuvert::datamatrix_modules("R0001-000042|S02/03|F1,2");
  for (int y = 0; y < modules.height; ++y) modules.dark[static_cast<std::size_t>(y) * modules.width] = false;
  CHECK(read_back(modules, 4, 1) == "(unreadable)");
}

TEST_CASE("with a job key every payload gets a square symbol that reads back", "[impose]") {
  for (const std::uint32_t pieces : {1u, 9u, 10u, 99u, 999999u})
    for (const auto& feeders : {std::vector<int>{}, std::vector<int>{1}, std::vector<int>{1, 2, 3, 4}}) {
      auto context = sheet(1, 3, feeders);
      char piece[32];
      std::snprintf(piece, sizeof piece, "R0001-%06u", pieces);
      context.piece_id = piece;
      context.job_key = "3F2A9C1D";
      const auto payload = kuvert::datamatrix_payload(context);
      CHECK(payload.rfind("3F2A9C1D-" + context.piece_id + "|S01/03|F", 0) == 0);
      const auto modules = kuvert::datamatrix_modules(payload);
      INFO(payload);
      CHECK(modules.width == modules.height);
      CHECK(read_back(modules, 4, 1) == payload);
    }
}

TEST_CASE("a divert sheet's payload names the job key and run, and reads back", "[impose]") {
  auto context = sheet(1, 1, {1});
  context.divert = true;
  context.piece_id.clear();  // a banner belongs to no piece
  CHECK(kuvert::datamatrix_payload(context) == "R0001|DIVERT");
  context.job_key = "3F2A9C1D";
  const std::string payload = kuvert::datamatrix_payload(context);
  CHECK(payload == "3F2A9C1D-R0001|DIVERT");
  CHECK(read_back(kuvert::datamatrix_modules(payload), 4, 1) == payload);
}

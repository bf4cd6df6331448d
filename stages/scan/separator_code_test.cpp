#include "stages/scan/separator_code.hpp"

#include <catch2/catch.hpp>

#include "tools/sample_scan/scan_sample.hpp"

namespace kuvert::scan {
namespace {

using sample::separator_sheet;

TEST_CASE("a separator sheet's barcode is read anywhere on the page", "[scan][separation]") {
  const PixPtr sheet = separator_sheet("TRENNBLATT AKTE-2026-0815");
  CHECK(read_separator_code(sheet.get()) == std::optional<std::string>("TRENNBLATT AKTE-2026-0815"));
  PixPtr white(pixCreate(2480, 3508, 8));
  pixSetAll(white.get());
  CHECK_FALSE(read_separator_code(white.get()).has_value());
}

}  // namespace
}  // namespace kuvert::scan

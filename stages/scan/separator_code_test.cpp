#include "stages/scan/separator_code.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <catch2/catch.hpp>

namespace kuvert::scan {
namespace {

// A white A4 page at 300 dpi with `text` as a Code 128 barcode, 3 pixels a
// module, somewhere in its upper half, slightly grey like a scan.
PixPtr separator_sheet(const std::string& text) {
  PixPtr page(pixCreate(2480, 3508, 8));
  pixSetAllArbitrary(page.get(), 235);
  const ZXing::BitMatrix bars = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::Code128).encode(text, 0, 0);
  const int scale = 3, left = 600, top = 900, height = 300;
  for (int x = 0; x < bars.width(); ++x)
    if (bars.get(x, 0))
      for (int dx = 0; dx < scale; ++dx)
        for (int y = 0; y < height; ++y) pixSetPixel(page.get(), left + x * scale + dx, top + y, 20);
  return page;
}

TEST_CASE("a separator sheet's barcode is read anywhere on the page", "[scan][separation]") {
  const PixPtr sheet = separator_sheet("TRENNBLATT AKTE-2026-0815");
  CHECK(read_separator_code(sheet.get()) == std::optional<std::string>("TRENNBLATT AKTE-2026-0815"));
  PixPtr white(pixCreate(2480, 3508, 8));
  pixSetAll(white.get());
  CHECK_FALSE(read_separator_code(white.get()).has_value());
}

}  // namespace
}  // namespace kuvert::scan

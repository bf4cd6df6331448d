#include "stages/scan/separator_code.hpp"

#include <ZXing/ReadBarcode.h>

namespace kuvert::scan {

std::optional<std::string> read_separator_code(Pix* page) {
  if (pixGetDepth(page) != 8) return std::nullopt;
  const int width = pixGetWidth(page), height = pixGetHeight(page);
  // Leptonica packs bytes big-endian within 32-bit words; zxing wants plain rows.
  std::string grey(static_cast<std::size_t>(width) * static_cast<std::size_t>(height), '\0');
  const l_uint32* data = pixGetData(page);
  const int words = pixGetWpl(page);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      grey[static_cast<std::size_t>(y) * width + x] = static_cast<char>(GET_DATA_BYTE(data + y * words, x));
  const ZXing::ImageView image(reinterpret_cast<const std::uint8_t*>(grey.data()), width, height,
                               ZXing::ImageFormat::Lum);
  const auto hints = ZXing::DecodeHints()
                         .setFormats(ZXing::BarcodeFormat::Code128 | ZXing::BarcodeFormat::Code39 |
                                     ZXing::BarcodeFormat::QRCode | ZXing::BarcodeFormat::DataMatrix)
                         .setTryHarder(true)
                         .setTryRotate(true);
  const auto result = ZXing::ReadBarcode(image, hints);
  if (!result.isValid()) return std::nullopt;
  return result.text();
}

}  // namespace kuvert::scan

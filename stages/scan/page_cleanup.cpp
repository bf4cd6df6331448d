#include "stages/scan/page_cleanup.hpp"

#include <cmath>

namespace kuvert::scan {
namespace {

constexpr double kPi = 3.14159265358979323846;

// Dark pixels of the binary image's inner area (a tenth of each side left
// out, where scanners leave shadows and punch holes), as a share.
double ink_share(Pix* binary) {
  const l_int32 w = pixGetWidth(binary), h = pixGetHeight(binary);
  Box* inner = boxCreate(w / 10, h / 10, w - w / 5, h - h / 5);
  l_int32 count = 0;
  pixCountPixelsInRect(binary, inner, &count, nullptr);
  boxDestroy(&inner);
  return static_cast<double>(count) / (static_cast<double>(w - w / 5) * static_cast<double>(h - h / 5));
}

PixPtr binarised(Pix* grey) {
  Pix* binary = nullptr;
  pixOtsuAdaptiveThreshold(grey, 2000, 2000, 0, 0, 0.0f, nullptr, &binary);
  return PixPtr(binary);
}

// Finds the skew of `binary` and turns the page's images straight.
void deskew(CleanPage& page, Pix* binary) {
  l_float32 angle = 0, confidence = 0;
  if (pixFindSkew(binary, &angle, &confidence) != 0 || confidence <= 0 || std::abs(angle) <= 0.05) return;
  page.deskew_degrees = angle;
  for (PixPtr* pix : {&page.grey, &page.colour})
    if (*pix)
      pix->reset(pixRotate(pix->get(), static_cast<l_float32>(angle * kPi / 180.0), L_ROTATE_AREA_MAP, L_BRING_IN_WHITE,
                           0, 0));
}

}  // namespace

CleanPage clean_page(Pix* scanned, int dpi, const CleanupOptions& options) {
  CleanPage page;
  if (pixGetDepth(scanned) == 32) page.colour.reset(pixClone(scanned));
  PixPtr grey(pixGetDepth(scanned) == 32 ? pixConvertRGBToLuminance(scanned) : pixConvertTo8(scanned, 0));
  // Flattens uneven lighting and a grey paper tone (Leptonica brings the
  // background to 200), then stretches that to white.
  if (PixPtr normal{pixBackgroundNormSimple(grey.get(), nullptr, nullptr)}) {
    pixGammaTRC(normal.get(), normal.get(), 1.0f, 0, 200);
    grey = std::move(normal);
  }
  PixPtr binary = binarised(grey.get());
  const int speck = std::max(1, options.speck_pixels * dpi / 300);
  PixPtr clean(pixSelectBySize(binary.get(), speck, speck, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GT, nullptr));
  // The specks go from the grey image too: OCR reads dust as punctuation.
  PixPtr specks(pixXor(nullptr, binary.get(), clean.get()));
  pixPaintThroughMask(grey.get(), specks.get(), 0, 0, 255);
  page.blank = ink_share(clean.get()) < options.blank_ink_share;
  page.grey = std::move(grey);
  if (!page.blank && options.deskew) deskew(page, clean.get());
  return page;
}

void turn_page(CleanPage& page, int degrees, bool straighten) {
  for (PixPtr* pix : {&page.grey, &page.colour})
    if (*pix) pix->reset(pixRotateOrth(pix->get(), degrees / 90));
  page.rotation = degrees;
  if (straighten && degrees % 180 != 0) {
    PixPtr binary(pixConvertTo1(page.grey.get(), 128));
    deskew(page, binary.get());
  }
}

}  // namespace kuvert::scan

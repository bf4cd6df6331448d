#include "stages/scan/upright_reading.hpp"

namespace kuvert::scan {

OcrPage read_upright(CleanPage& page, int dpi, OcrEngine& ocr, OrientationDetector* orientation, bool deskew) {
  if (orientation != nullptr)
    if (const int turn = orientation->upright_turn(page.grey.get(), dpi); turn != 0) turn_page(page, turn, deskew);
  return ocr.read(page.grey.get(), dpi);
}

}  // namespace kuvert::scan

#pragma once
// Reading a cleaned page the right way up: Tesseract's orientation
// detection on the page reduced to about 150 dpi, from 30 characters (about
// 0.2 s a page here against 0.45 s at 300 dpi with its defaults), then the
// page turned and read.
#include "stages/scan/ocr_engine.hpp"
#include "stages/scan/orientation_detector.hpp"
#include "stages/scan/page_cleanup.hpp"

namespace kuvert::scan {

// Reads `page`, turning it upright first where needed (recorded in
// page.rotation; deskewed again after a quarter turn when `deskew`).
// Without `orientation` the page is read as it lies.
OcrPage read_upright(CleanPage& page, int dpi, OcrEngine& ocr, OrientationDetector* orientation, bool deskew);

}  // namespace kuvert::scan

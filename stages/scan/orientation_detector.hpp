#pragma once
// Which way up a page was scanned, by Tesseract's orientation and script
// detection (the tesseract-ocr-osd data). Not thread-safe: one per thread.
#include <memory>

#include "stages/scan/pix.hpp"

namespace tesseract {
class TessBaseAPI;
}

namespace kuvert::scan {

class OrientationDetector {
 public:
  // Throws kuvert::Error (system) when the OSD data is not installed.
  OrientationDetector();
  ~OrientationDetector();
  OrientationDetector(const OrientationDetector&) = delete;
  OrientationDetector& operator=(const OrientationDetector&) = delete;

  // How many degrees (0, 90, 180, 270) the page (grey with a white
  // background, or bitonal) must turn clockwise to be upright; 0 when the
  // detection is not confident (too little text).
  int upright_turn(Pix* page, int dpi);

 private:
  std::unique_ptr<tesseract::TessBaseAPI> api_;
};

}  // namespace kuvert::scan

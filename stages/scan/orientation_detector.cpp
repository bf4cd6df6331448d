#include "stages/scan/orientation_detector.hpp"

#include <tesseract/baseapi.h>

#include "pipeline/model/error.hpp"

namespace kuvert::scan {
namespace {

// Below this, Tesseract's guess is noise (its own tools use 2 as well).
constexpr float kMinimumConfidence = 2.0f;

}  // namespace

OrientationDetector::OrientationDetector() : api_(std::make_unique<tesseract::TessBaseAPI>()) {
  if (api_->Init(nullptr, "osd", tesseract::OEM_TESSERACT_ONLY) != 0) {
    Where where;
    where.field = "orientation";
    throw_system(where, "Tesseract has no orientation data (install tesseract-ocr-osd)");
  }
  api_->SetPageSegMode(tesseract::PSM_OSD_ONLY);
  // It tells stderr of every page with too little text to judge.
  api_->SetVariable("debug_file", "/dev/null");
  // 30 characters decide as surely here as its default 50, in less time.
  api_->SetVariable("min_characters_to_try", "30");
}

OrientationDetector::~OrientationDetector() { api_->End(); }

int OrientationDetector::upright_turn(Pix* page, int dpi) {
  // 150 dpi is enough to tell which way text runs, in less than half the
  // time 300 dpi takes; below that it is not sure (a 200 dpi scan stays as it is).
  PixPtr binary(pixGetDepth(page) == 1 ? pixClone(page) : pixConvertTo1(page, 128));
  for (; dpi >= 300; dpi /= 2) binary.reset(pixReduceRankBinary2(binary.get(), 1, nullptr));
  api_->SetImage(binary.get());
  api_->SetSourceResolution(dpi);
  int degrees = 0;
  float confidence = 0, script_confidence = 0;
  const char* script = nullptr;
  const bool found = api_->DetectOrientationScript(&degrees, &confidence, &script, &script_confidence);
  api_->Clear();
  if (!found || confidence < kMinimumConfidence) return 0;
  // Tesseract gives how far the page is turned anticlockwise
  // (its own "Rotate:" line reports 360 minus this).
  return (360 - ((degrees % 360) + 360) % 360) % 360;
}

}  // namespace kuvert::scan

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
}

OrientationDetector::~OrientationDetector() { api_->End(); }

int OrientationDetector::upright_turn(Pix* page, int dpi) {
  api_->SetImage(page);
  api_->SetSourceResolution(dpi);
  int degrees = 0;
  float confidence = 0, script_confidence = 0;
  const char* script = nullptr;
  const bool found = api_->DetectOrientationScript(&degrees, &confidence, &script, &script_confidence);
  api_->Clear();
  if (!found || confidence < kMinimumConfidence) return 0;
  return ((degrees % 360) + 360) % 360;
}

}  // namespace kuvert::scan

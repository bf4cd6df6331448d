#pragma once
// Text recognition with Tesseract's LSTM engine: the words of a page with
// their boxes and confidences. An engine is not thread-safe; each worker
// thread of the scan pipeline keeps its own (STACK.md: one TessBaseAPI per
// thread, OMP_THREAD_LIMIT=1 in the environment when the process starts).
#include <memory>
#include <string>
#include <vector>

struct Pix;

namespace tesseract {
class TessBaseAPI;
}

namespace kuvert::scan {

struct OcrWord {
  std::string text;
  float confidence = 0;                          // 0 to 100
  int left = 0, top = 0, right = 0, bottom = 0;  // pixels
};

struct OcrPage {
  std::vector<OcrWord> words;
  std::string text;            // lines as Tesseract reads them
  double mean_confidence = 0;  // 0 to 100, over the words
};

class OcrEngine {
 public:
  // `languages` as Tesseract names them ("deu+eng"). Throws kuvert::Error
  // (system) when the language data is not installed.
  explicit OcrEngine(const std::string& languages = "deu+eng");
  ~OcrEngine();
  OcrEngine(const OcrEngine&) = delete;
  OcrEngine& operator=(const OcrEngine&) = delete;

  // Reads a page image scanned at `dpi`.
  OcrPage read(Pix* page, int dpi);

 private:
  std::unique_ptr<tesseract::TessBaseAPI> api_;
};

}  // namespace kuvert::scan

#include "stages/scan/ocr_engine.hpp"

#include <string_view>

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include "pipeline/model/error.hpp"

namespace kuvert::scan {

OcrEngine::OcrEngine(const std::string& languages) : api_(std::make_unique<tesseract::TessBaseAPI>()) {
  // Debian's deu and eng data hold only the LSTM models (STACK.md).
  if (api_->Init(nullptr, languages.c_str(), tesseract::OEM_LSTM_ONLY) != 0) {
    Where where;
    where.field = "languages";
    throw_system(where, "Tesseract has no language data for \"" + languages +
                            "\" (install tesseract-ocr-deu and tesseract-ocr-eng)");
  }
  api_->SetPageSegMode(tesseract::PSM_AUTO);
}

OcrEngine::~OcrEngine() { api_->End(); }

OcrPage OcrEngine::read(Pix* page, int dpi) {
  api_->SetImage(page);
  api_->SetSourceResolution(dpi);
  OcrPage result;
  if (api_->Recognize(nullptr) != 0) return result;
  const std::unique_ptr<char[]> text(api_->GetUTF8Text());
  if (text) result.text = text.get();
  const std::unique_ptr<tesseract::ResultIterator> words(api_->GetIterator());
  double confidence = 0;
  if (words) {
    do {
      const std::unique_ptr<char[]> word(words->GetUTF8Text(tesseract::RIL_WORD));
      // Tesseract reports "words" of no text on noise, with a confidence:
      // no text, no word (and no confidence claimed for it).
      if (!word || std::string_view(word.get()).find_first_not_of(" \t\r\n") == std::string_view::npos) continue;
      OcrWord entry;
      entry.text = word.get();
      entry.confidence = words->Confidence(tesseract::RIL_WORD);
      words->BoundingBox(tesseract::RIL_WORD, &entry.left, &entry.top, &entry.right, &entry.bottom);
      confidence += entry.confidence;
      result.words.push_back(std::move(entry));
    } while (words->Next(tesseract::RIL_WORD));
  }
  if (!result.words.empty()) result.mean_confidence = confidence / static_cast<double>(result.words.size());
  api_->Clear();
  return result;
}

}  // namespace kuvert::scan

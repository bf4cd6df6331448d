#include "stages/scan/scan_index.hpp"

#include <cmath>

namespace kuvert {
namespace {

// `places` decimals (dividing keeps the shortest form: 95.3, not 95.30000000000001).
double rounded(double value, int places) {
  const double scale = std::pow(10.0, places);
  return std::round(value * scale) / scale;
}

// Source files in order of first use, each with its pages.
nlohmann::json sources(const std::vector<ScannedPageRecord>& pages) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& page : pages) {
    if (list.empty() || list.back()["file"] != page.source)
      list.push_back({{"file", page.source}, {"pages", nlohmann::json::array()}});
    list.back()["pages"].push_back(page.page);
  }
  return list;
}

}  // namespace

std::string document_text(const std::vector<ScannedPageRecord>& pages) {
  std::string text;
  for (const auto& page : pages) {
    if (!text.empty()) text += '\f';
    text += page.text;
  }
  return text;
}

nlohmann::json index_record(const ScannedDocument& document, const std::string& profile, const std::string& created) {
  nlohmann::json pages = nlohmann::json::array(), dropped = nlohmann::json::array();
  nlohmann::json barcodes = nlohmann::json::array();
  if (!document.separator.empty()) barcodes.push_back({{"value", document.separator}, {"separator", true}});
  double confidence = 0;
  std::size_t words = 0;
  for (const auto& page : document.pages) {
    pages.push_back({{"source", page.source},
                     {"page", page.page},
                     {"batch_page", page.batch_page},
                     {"tone", page.tone},
                     {"deskew_degrees", rounded(page.deskew_degrees, 2)},
                     {"rotation", page.rotation},
                     // A page without text has no confidence, not 0 or 95.
                     {"mean_confidence", page.words == 0 ? nlohmann::json(nullptr)
                                                         : nlohmann::json(rounded(page.mean_confidence, 1))},
                     {"words", page.words}});
    confidence += page.mean_confidence * static_cast<double>(page.words);
    words += page.words;
    if (!page.barcode.empty()) barcodes.push_back({{"value", page.barcode}, {"page", page.batch_page}});
  }
  for (const auto& page : document.dropped)
    dropped.push_back({{"source", page.source}, {"page", page.page}, {"batch_page", page.batch_page}});
  nlohmann::json fields = nlohmann::json::array();
  for (const auto& field : document.fields) fields.push_back({{"name", field.name}, {"value", field.value}});
  return {{"id", document.id},
          {"file", document.file},
          {"sha256", document.sha256},
          {"bytes", document.bytes},
          {"created", created},
          {"profile", profile},
          {"sources", sources(document.pages)},
          {"pages_kept", document.pages.size()},
          {"blank_pages_dropped", document.dropped.size()},
          {"pages", pages},
          {"dropped_pages", dropped},
          {"mean_confidence", words == 0 ? nlohmann::json(nullptr)
                                         : nlohmann::json(rounded(confidence / static_cast<double>(words), 1))},
          {"barcodes", barcodes},
          {"fields", fields},
          {"text", document.text}};
}

}  // namespace kuvert

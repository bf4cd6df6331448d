#pragma once
// The index record of a scanned document (ID.json beside ID.pdf): where its
// pages came from, what clean-up did to them, its text, confidence,
// barcodes and fields. Pure: the driver hands in what the pages said.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "stages/scan/field_rules.hpp"

namespace kuvert {

// What one page of a batch gave.
struct ScannedPageRecord {
  std::string source;      // the input file as named
  std::uint32_t page = 0;  // in that file, 1-based
  std::uint32_t batch_page = 0;
  std::string tone;  // "bitonal", "grey", "colour"
  double deskew_degrees = 0;
  int rotation = 0;
  double mean_confidence = 0;
  std::size_t words = 0;
  std::string text;
  std::string barcode;  // "" for none
};

struct ScannedDocument {
  std::string id;
  std::string file;  // the PDF's name in the output folder
  std::string sha256;
  std::uintmax_t bytes = 0;
  std::string separator;                   // the separator sheet's barcode before it
  std::vector<ScannedPageRecord> pages;    // kept, in order
  std::vector<ScannedPageRecord> dropped;  // blank pages left out
  std::string text;                        // document_text(pages)
  std::vector<scan::FoundField> fields;
};

// Pages joined by form feeds, as pdftotext separates them.
std::string document_text(const std::vector<ScannedPageRecord>& pages);

nlohmann::json index_record(const ScannedDocument& document, const std::string& profile, const std::string& created);

}  // namespace kuvert

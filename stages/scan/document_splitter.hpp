#pragma once
// Separation of a scan batch into documents, page by page as they come, by
// the profile's rule: at separator sheets (a barcode; the sheet belongs to
// no document, and its text goes into the next document's index), at blank
// pages, or every n pages. Blank pages (the empty backs of duplex scans)
// never belong to a document; they are counted.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/model/scan_profile.hpp"

namespace kuvert::scan {

struct SeparationRule {
  ScanSeparation by = ScanSeparation::separator_sheet;
  std::uint32_t pages = 1;  // for page_count
};

// What clean-up and the barcode reader said of a page.
struct PageVerdict {
  std::uint32_t page = 0;  // its place in the batch
  bool blank = false;
  std::optional<std::string> separator;  // a separator sheet's barcode text
};

struct SplitDocument {
  std::vector<std::uint32_t> pages;          // kept, in order
  std::vector<std::uint32_t> dropped_blank;  // blank pages within it
  std::string separator;                     // the barcode text before it ("" for none)
};

class DocumentSplitter {
 public:
  explicit DocumentSplitter(SeparationRule rule) : rule_(rule) {}

  // The document the page completes, if any.
  std::optional<SplitDocument> add(const PageVerdict& page);
  // The last document, if it has pages.
  std::optional<SplitDocument> finish();

 private:
  std::optional<SplitDocument> close();

  SeparationRule rule_;
  SplitDocument current_;
};

}  // namespace kuvert::scan

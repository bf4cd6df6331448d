#include "stages/scan/document_splitter.hpp"

namespace kuvert::scan {

std::optional<SplitDocument> DocumentSplitter::close() {
  // Blank pages before any content wait for the next document.
  if (current_.pages.empty()) return std::nullopt;
  SplitDocument done = std::move(current_);
  current_ = SplitDocument{};
  return done;
}

std::optional<SplitDocument> DocumentSplitter::add(const PageVerdict& page) {
  if (rule_.by == ScanSeparation::separator_sheet && page.separator) {
    auto done = close();
    current_.separator = *page.separator;  // the sheet's text belongs to the document after it
    return done;
  }
  if (page.blank) {
    current_.dropped_blank.push_back(page.page);
    return rule_.by == ScanSeparation::blank_page ? close() : std::nullopt;
  }
  current_.pages.push_back(page.page);
  if (rule_.by == ScanSeparation::page_count && current_.pages.size() >= rule_.pages) return close();
  return std::nullopt;
}

std::optional<SplitDocument> DocumentSplitter::finish() { return close(); }

}  // namespace kuvert::scan

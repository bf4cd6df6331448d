#pragma once
// The last, serial stage of the scan pipeline: pages in batch order go into
// the open document's PDF/A file as they come; when the profile's rule
// closes a document, its file is finished and its index record written.
// Memory holds the open document's page records (text included), never
// its images.
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/model/scan_profile.hpp"
#include "pipeline/model/scan_summary.hpp"
#include "stages/scan/archive_file.hpp"
#include "stages/scan/document_splitter.hpp"
#include "stages/scan/processed_page.hpp"
#include "stages/scan/scan_index.hpp"

namespace kuvert {

// Writes a small file `name` (an index record) completely into the batch's
// folder, or throws kuvert::Error (system).
using WriteFile = std::function<void(const std::string& name, const std::string& bytes)>;

class ScanDocumentWriter {
 public:
  // Documents are named BATCH-0001, BATCH-0002, ...: their PDF files in
  // `folder`, their index records written by `write_file`.
  ScanDocumentWriter(std::filesystem::path folder, WriteFile write_file, const ScanProfile& profile, std::string batch,
                     std::string created);

  void add(ProcessedPage&& page);
  // Closes the last document.
  void finish();

  // id, file and pages of every document written, for the summary.
  const std::vector<ScanSummaryDocument>& documents() const { return documents_; }
  std::size_t separator_sheets() const { return separator_sheets_; }
  std::size_t blank_pages_dropped() const { return blank_pages_dropped_; }

 private:
  void close(const scan::SplitDocument& split);

  std::filesystem::path folder_;
  WriteFile write_file_;
  const ScanProfile& profile_;
  std::string batch_, created_;
  scan::DocumentSplitter splitter_;
  std::map<std::uint32_t, ScannedPageRecord> records_;  // by batch page, since the last document closed
  std::optional<ArchiveFile> open_;
  std::string open_id_;
  std::size_t count_ = 0, separator_sheets_ = 0, blank_pages_dropped_ = 0;
  std::vector<ScanSummaryDocument> documents_;
};

}  // namespace kuvert

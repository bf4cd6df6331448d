#pragma once
// One scanned document's searchable PDF/A-2b file, written page by page as
// the pages arrive (stages/scan's archive objects through stages/deliver's
// file writer), so memory never holds a document.
#include <filesystem>
#include <string>

#include "pipeline/pdf/pdf_file_writer.hpp"
#include "stages/scan/archive_pdf.hpp"

namespace kuvert {

class ArchiveFile {
 public:
  // Throws kuvert::Error (system) when the file cannot be made or the
  // archive's font and ICC profile are not installed.
  ArchiveFile(const std::filesystem::path& path, const scan::ArchiveInfo& info);

  void add_page(scan::ArchivePage&& page);
  // Writes the metadata (the document's index fields as keywords, in /Info
  // and XMP alike) and closes the file.
  PdfFileResult finish(const std::string& keywords = "");

 private:
  scan::ArchiveInfo info_;
  ObjectNumbering numbering_;
  scan::ArchiveObjects objects_;
  PdfFileWriter writer_;
};

}  // namespace kuvert

#pragma once
// Writes a PDF file object by object as its pages arrive (a run's imposed
// sheets, a spool's letters, a scanned document), so memory holds only the
// object offsets, never the pages; SHA-256 while writing.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/pdf/pdf_object.hpp"
#include "pipeline/pdf/sha256.hpp"

namespace kuvert {

struct PdfFileInfo {
  std::string title;          // for /Info: a run's id and job, a document's id
  std::string creation_date;  // PDF date "D:20261122120000Z"
  std::string catalog_entries;  // more for the catalog ("/Metadata 5 0 R" for PDF/A)
  std::string keywords;         // for /Info; "" for none
};

struct PdfFileResult {
  std::uintmax_t bytes = 0;
  std::string sha256;
  std::uint32_t pages = 0;
};

// Not thread-safe; the pipeline's serial writer owns it. Throws
// kuvert::Error (system) when the file cannot be written.
class PdfFileWriter {
 public:
  PdfFileWriter(const std::filesystem::path& path, PdfFileInfo info);
  ~PdfFileWriter();

  void write(const PdfObjectBytes& object);
  // Appends a page (already written or still to come) to the page tree.
  void add_page(std::uint32_t object_number) { pages_.push_back(object_number); }
  // Keywords for /Info, known only when the content is (a scanned
  // document's index fields).
  void set_keywords(std::string keywords) { info_.keywords = std::move(keywords); }
  // Writes the shared objects, page tree, catalog, info, cross-reference
  // table and trailer; `info_object` and every number below `object_count`
  // must be unused or written. The file ID is derived from the content, so
  // the same run gives the same bytes.
  PdfFileResult finish(std::uint32_t info_object, std::uint32_t object_count);

 private:
  void put(std::string_view bytes);

  struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::filesystem::path path_;
  PdfFileInfo info_;
  std::unique_ptr<std::FILE, FileCloser> file_;
  std::vector<char> buffer_;
  Sha256 hash_;
  std::uint64_t offset_ = 0;
  std::vector<std::uint64_t> offsets_;  // by object number; 0 = not written
  std::vector<std::uint32_t> pages_;
};

}  // namespace kuvert

#pragma once
// Writes a run's print file object by object as the imposed sheets arrive,
// so memory holds only the object offsets, never the pages.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/pdf/pdf_object.hpp"
#include "pipeline/pdf/sha256.hpp"

namespace kuvert {

struct RunFileInfo {
  std::string title;          // the run id and job, for /Info
  std::string creation_date;  // PDF date "D:20261122120000Z"
  std::string catalog_entries;  // more for the catalog ("/Metadata 5 0 R" for PDF/A)
  std::string keywords;         // for /Info; "" for none
};

struct RunFileResult {
  std::uintmax_t bytes = 0;
  std::string sha256;
  std::uint32_t pages = 0;
};

// Not thread-safe; the pipeline's serial writer owns it. Throws
// kuvert::Error (system) when the file cannot be written.
class RunFileWriter {
 public:
  RunFileWriter(const std::filesystem::path& path, RunFileInfo info);
  ~RunFileWriter();

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
  RunFileResult finish(std::uint32_t info_object, std::uint32_t object_count);

 private:
  void put(std::string_view bytes);

  struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::filesystem::path path_;
  RunFileInfo info_;
  std::unique_ptr<std::FILE, FileCloser> file_;
  std::vector<char> buffer_;
  Sha256 hash_;
  std::uint64_t offset_ = 0;
  std::vector<std::uint64_t> offsets_;  // by object number; 0 = not written
  std::vector<std::uint32_t> pages_;
};

}  // namespace kuvert

#pragma once
// summary.json of `kuvert scan`: the batch, the files read and refused,
// and the documents archived (DESIGN.md, scan outputs). Its one reading
// and writing, as for the tickets (run_ticket.hpp).
#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace kuvert {

struct ScanSummaryFile {
  std::string file;  // as named on the command line
  std::size_t pages = 0;
};

struct ScanSummaryRejected {
  std::string file;
  std::string reason;
};

struct ScanSummaryDocument {
  std::string id;     // BATCH-0001
  std::string file;   // its PDF/A in the output folder
  std::string index;  // its index record beside it
  std::size_t pages = 0;
  std::size_t blank_pages_dropped = 0;
};

struct ScanSummary {
  std::string batch;
  std::string profile;
  std::string created;
  std::vector<ScanSummaryFile> files;
  std::size_t pages = 0;
  std::size_t separator_sheets = 0;
  std::size_t blank_pages_dropped = 0;
  std::vector<ScanSummaryDocument> documents;
  std::vector<ScanSummaryRejected> rejected;
};

// Member names are the file's keys; reading throws nlohmann::json::exception
// on a missing key or another type.
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ScanSummaryFile, file, pages)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ScanSummaryRejected, file, reason)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ScanSummaryDocument, id, file, index, pages, blank_pages_dropped)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ScanSummary, batch, profile, created, files, pages, separator_sheets,
                                   blank_pages_dropped, documents, rejected)

}  // namespace kuvert

#pragma once
// plan.json of a scan batch split into parts (kuvert scan-parts plan), so
// that several workers read and recognise its pages at once and one of
// them assembles its documents in order (pipeline/driver/scan_parts). The
// batch's pages are its files' pages in input order, each file's counted
// when the batch was planned; a part is a range of them.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace kuvert {

struct ScanPlanFile {
  std::string path;  // as opened: absolute
  std::string file;  // as named on the command line, for the summary
  std::size_t pages = 0;
  std::string refused;  // why it could not be opened ("" when it could; then it has no pages)
};

struct ScanPlanPart {
  std::size_t first = 0;  // its first page among the batch's pages, 0-based
  std::size_t pages = 0;
};

struct ScanPlan {
  std::string batch;  // documents are BATCH-0001, ...
  std::string profile;
  std::string profile_sha256;  // of its file: every worker reads the batch with the same profile
  std::vector<ScanPlanFile> files;
  std::vector<ScanPlanPart> parts;
};

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ScanPlanFile, path, file, pages, refused)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ScanPlanPart, first, pages)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ScanPlan, batch, profile, profile_sha256, files, parts)

}  // namespace kuvert

#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace kuvert {

// Everything `kuvert scan` (or a scan inbox of the service) asks of one
// batch.
struct ScanRequest {
  std::vector<std::filesystem::path> inputs;  // files, or folders whose files are read in name order
  std::filesystem::path output;               // output folder; must not exist
  std::filesystem::path layouts;              // scan profiles and ImageMagick's policy (layouts/scan)
  std::string profile = "posteingang";
  unsigned threads = 0;  // 0: one per core
  std::string created;   // ISO timestamp for the archive files' metadata
  // Documents are NAME-0001, NAME-0002, ...: their ids and file names.
  // Empty: the output folder's name.
  std::string name;
};

}  // namespace kuvert

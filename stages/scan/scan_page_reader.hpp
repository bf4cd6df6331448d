#pragma once
// The pages of a scan batch's input files in order, one at a time, for the
// serial first stage of the scan pipeline. A file that cannot be read, or
// whose page is scanned at a resolution the profile does not take, goes to
// the rejected list with its reason, and the batch goes on.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "stages/scan/batch_tally.hpp"
#include "stages/scan/scan_input.hpp"

namespace kuvert {

struct BatchPage {
  scan::ScannedPage scanned;
  std::string source;            // the file as named
  std::uint32_t batch_page = 0;  // 1-based over the batch
};

// Expands folders into their files (name order, hidden ones left out).
// Throws kuvert::Error (usage) for an input that does not exist.
std::vector<std::filesystem::path> scan_input_files(const std::vector<std::filesystem::path>& inputs);

// The resolutions a scan profile takes, and its name for messages.
struct ResolutionRange {
  std::string profile;
  int min_dpi = 200;
  int max_dpi = 600;
};

// Page `index` (0-based) of `file`, called `name`, at a resolution the
// profile takes; else kuvert::Error (input) naming the file and page.
scan::ScannedPage read_page(scan::ScanFile& file, std::size_t index, const std::string& name,
                            const ResolutionRange& resolutions);

class ScanPageReader {
 public:
  ScanPageReader(std::vector<std::filesystem::path> files, ResolutionRange resolutions)
      : files_(std::move(files)), resolutions_(std::move(resolutions)) {}

  // The next page, or nothing when every file is done.
  std::optional<BatchPage> next();

  // The files read and refused, once next() said there are no more pages.
  const BatchTally& tally() const { return tally_; }

 private:
  std::vector<std::filesystem::path> files_;
  ResolutionRange resolutions_;
  std::size_t next_file_ = 0;
  std::unique_ptr<scan::ScanFile> file_;
  std::string name_;
  std::size_t page_ = 0;
  BatchTally tally_;
};

}  // namespace kuvert

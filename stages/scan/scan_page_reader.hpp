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

#include "stages/scan/scan_input.hpp"

namespace kuvert {

struct RejectedScan {
  std::string file;
  std::string reason;
};

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

class ScanPageReader {
 public:
  ScanPageReader(std::vector<std::filesystem::path> files, ResolutionRange resolutions)
      : files_(std::move(files)), resolutions_(std::move(resolutions)) {}

  // The next page, or nothing when every file is done.
  std::optional<BatchPage> next();

  const std::vector<RejectedScan>& rejected() const { return rejected_; }
  // Pages read from each file, by file name, in input order.
  const std::vector<std::pair<std::string, std::size_t>>& files_read() const { return read_; }

 private:
  std::vector<std::filesystem::path> files_;
  ResolutionRange resolutions_;
  std::size_t next_file_ = 0;
  std::unique_ptr<scan::ScanFile> file_;
  std::string name_;
  std::size_t page_ = 0;
  std::uint32_t batch_page_ = 0;
  std::vector<RejectedScan> rejected_;
  std::vector<std::pair<std::string, std::size_t>> read_;
};

}  // namespace kuvert

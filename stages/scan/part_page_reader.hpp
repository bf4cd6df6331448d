#pragma once
// The pages of one part of a planned scan batch (pipeline/model/scan_plan),
// one at a time, for the serial first stage of the part's pipeline: each
// page read, or where a file fails (damaged, a resolution the profile does
// not take), that failure, and none of the file's later pages in the part.
// Whether the file's earlier pages count is the assembly's to say
// (BatchTally), as is each page's number in the batch.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "pipeline/model/scan_plan.hpp"
#include "stages/scan/scan_page_reader.hpp"

namespace kuvert {

struct PartPage {
  std::uint32_t file = 0;  // its place in the plan
  std::uint32_t page = 0;  // 0-based in that file
  std::optional<BatchPage> read;
  std::string failure;  // without `read`: why the file failed here
};

class PartPageReader {
 public:
  // `plan` outlives the reader.
  PartPageReader(const ScanPlan& plan, const ScanPlanPart& part, ResolutionRange resolutions);

  // The next page of the part, or nothing when it is done.
  std::optional<PartPage> next();

 private:
  const ScanPlan& plan_;
  std::size_t slot_, end_;      // the batch's pages, 0-based
  std::size_t file_ = 0;        // the file slot_ is in
  std::size_t file_first_ = 0;  // the batch page of that file's first page
  std::unique_ptr<scan::ScanFile> open_;
  bool failed_ = false;  // the file failed in this part
  ResolutionRange resolutions_;
};

}  // namespace kuvert

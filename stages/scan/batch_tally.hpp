#pragma once
// What a scan batch made of its input files, for its summary: the pages
// read of each file in input order, the batch's page numbers, and the
// files refused with the reason. A file that fails part way is refused
// from that page on; the pages before it stay in the batch. One tally for
// a batch read in one go and for one assembled from parts read on several
// workers (pipeline/driver/scan_parts), so that both number and refuse
// alike.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace kuvert {

struct RejectedScan {
  std::string file;
  std::string reason;
};

class BatchTally {
 public:
  // `file` could not be opened.
  void refuse(const std::string& file, std::string reason);
  // `file` opened: its pages come next.
  void open(const std::string& file);
  // The next page of the file opened last was read: its number in the batch.
  std::uint32_t count_page();
  // The file opened last failed at its next page for `reason`.
  void refuse_rest(std::string reason);

  const std::vector<RejectedScan>& rejected() const { return rejected_; }
  // Pages read from each file, by file name, in input order.
  const std::vector<std::pair<std::string, std::size_t>>& files_read() const { return read_; }

 private:
  std::uint32_t batch_page_ = 0;
  std::vector<RejectedScan> rejected_;
  std::vector<std::pair<std::string, std::size_t>> read_;
};

}  // namespace kuvert

#include "stages/scan/part_page_reader.hpp"

#include "pipeline/model/error.hpp"

namespace kuvert {

PartPageReader::PartPageReader(const ScanPlan& plan, const ScanPlanPart& part, ResolutionRange resolutions)
    : plan_(plan), slot_(part.first), end_(part.first + part.pages), resolutions_(std::move(resolutions)) {}

std::optional<PartPage> PartPageReader::next() {
  while (slot_ < end_) {
    // The file the page is in; files refused at planning have no pages.
    while (file_ < plan_.files.size() && slot_ >= file_first_ + plan_.files[file_].pages) {
      file_first_ += plan_.files[file_].pages;
      ++file_;
      open_.reset();
      failed_ = false;
    }
    if (file_ == plan_.files.size()) return std::nullopt;  // the plan checked that its parts lie within
    const ScanPlanFile& file = plan_.files[file_];
    const std::size_t index = slot_ - file_first_;
    if (failed_) {
      slot_ = file_first_ + file.pages;
      continue;
    }
    ++slot_;
    PartPage page{static_cast<std::uint32_t>(file_), static_cast<std::uint32_t>(index), std::nullopt, ""};
    try {
      if (!open_) open_ = scan::open_scan_file(file.path, file.file);
      if (index >= open_->pages())
        throw_input(Where{.file = file.file}, "has " + std::to_string(open_->pages()) + " pages now, not " +
                                                  std::to_string(file.pages) + " as when the batch was planned");
      page.read = BatchPage{read_page(*open_, index, file.file, resolutions_), file.file, 0};
    } catch (const Error& error) {
      if (error.kind() != ErrorKind::input) throw;
      page.failure = error.problems().front().message;
      failed_ = true;
      open_.reset();
    }
    return page;
  }
  return std::nullopt;
}

}  // namespace kuvert

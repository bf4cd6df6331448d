#include "stages/scan/scan_page_reader.hpp"

#include <algorithm>

#include "pipeline/model/error.hpp"

namespace kuvert {

std::vector<std::filesystem::path> scan_input_files(const std::vector<std::filesystem::path>& inputs) {
  std::vector<std::filesystem::path> files;
  std::vector<Diagnostic> problems;
  for (const auto& input : inputs) {
    std::error_code error;
    if (std::filesystem::is_directory(input, error)) {
      std::vector<std::filesystem::path> found;
      for (const auto& entry : std::filesystem::directory_iterator(input, error))
        if (entry.is_regular_file() && entry.path().filename().string().front() != '.') found.push_back(entry.path());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (std::filesystem::exists(input, error)) {
      files.push_back(input);
    } else {
      Where where;
      where.file = input.string();
      problems.push_back({where, "does not exist"});
    }
  }
  if (!problems.empty()) throw Error(ErrorKind::usage, std::move(problems));
  return files;
}

std::optional<BatchPage> ScanPageReader::next() {
  while (true) {
    if (!file_) {
      if (next_file_ == files_.size()) return std::nullopt;
      const auto& path = files_[next_file_++];
      name_ = path.string();
      page_ = 0;
      try {
        file_ = scan::open_scan_file(path, name_);
      } catch (const Error& error) {
        if (error.kind() != ErrorKind::input) throw;
        rejected_.push_back({name_, error.problems().front().message});
        continue;
      }
      read_.emplace_back(name_, 0);
    }
    if (page_ == file_->pages()) {
      file_.reset();
      continue;
    }
    try {
      BatchPage page{file_->page(page_), name_, batch_page_ + 1};
      const int dpi = page.scanned.dpi;
      if (dpi < resolutions_.min_dpi || dpi > resolutions_.max_dpi)
        throw_input(Where{.file = name_}, "page " + std::to_string(page_ + 1) + " is scanned at " +
                                              std::to_string(dpi) + " dpi; scan profile \"" + resolutions_.profile +
                                              "\" takes " + std::to_string(resolutions_.min_dpi) + " to " +
                                              std::to_string(resolutions_.max_dpi) + " dpi (min_dpi, max_dpi)");
      ++batch_page_;
      ++page_;
      ++read_.back().second;
      return page;
    } catch (const Error& error) {
      if (error.kind() != ErrorKind::input) throw;
      std::string reason = error.problems().front().message;
      if (page_ == 1) reason += " (its first page was processed)";
      if (page_ > 1) reason += " (its first " + std::to_string(page_) + " pages were processed)";
      rejected_.push_back({name_, std::move(reason)});
      file_.reset();
    }
  }
}

}  // namespace kuvert

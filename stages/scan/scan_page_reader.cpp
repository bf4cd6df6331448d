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

scan::ScannedPage read_page(scan::ScanFile& file, std::size_t index, const std::string& name,
                            const ResolutionRange& resolutions) {
  scan::ScannedPage page = file.page(index);
  const int dpi = page.dpi;
  if (dpi < resolutions.min_dpi || dpi > resolutions.max_dpi)
    throw_input(Where{.file = name}, "page " + std::to_string(index + 1) + " is scanned at " + std::to_string(dpi) +
                                         " dpi; scan profile \"" + resolutions.profile + "\" takes " +
                                         std::to_string(resolutions.min_dpi) + " to " +
                                         std::to_string(resolutions.max_dpi) + " dpi (min_dpi, max_dpi)");
  return page;
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
        tally_.refuse(name_, error.problems().front().message);
        continue;
      }
      tally_.open(name_);
    }
    if (page_ == file_->pages()) {
      file_.reset();
      continue;
    }
    try {
      scan::ScannedPage scanned = read_page(*file_, page_, name_, resolutions_);
      ++page_;
      return BatchPage{std::move(scanned), name_, tally_.count_page()};
    } catch (const Error& error) {
      if (error.kind() != ErrorKind::input) throw;
      tally_.refuse_rest(error.problems().front().message);
      file_.reset();
    }
  }
}

}  // namespace kuvert

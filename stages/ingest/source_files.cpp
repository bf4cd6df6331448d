#include "stages/ingest/source_files.hpp"

#include <algorithm>

namespace kuvert {

std::uint32_t SourceFiles::add(const std::filesystem::path& path, std::string display_name) {
  make_room();
  auto file = std::make_unique<SpoolFile>(path, display_name);
  files_.push_back({path, std::move(display_name), std::move(file), ++clock_});
  ++open_;
  return static_cast<std::uint32_t>(files_.size() - 1);
}

SpoolFile& SourceFiles::at(std::uint32_t index) {
  auto& entry = files_.at(index);
  if (!entry.file) {
    make_room();
    entry.file = std::make_unique<SpoolFile>(entry.path, entry.name);
    ++open_;
  }
  entry.last_use = ++clock_;
  return *entry.file;
}

void SourceFiles::make_room() {
  if (open_ < max_open_) return;
  auto oldest = files_.end();
  for (auto it = files_.begin(); it != files_.end(); ++it)
    if (it->file && (oldest == files_.end() || it->last_use < oldest->last_use)) oldest = it;
  if (oldest == files_.end()) return;
  oldest->file.reset();
  --open_;
}

}  // namespace kuvert

#include "stages/ingest/source_files.hpp"

#include <algorithm>

#include "pipeline/model/error.hpp"

namespace kuvert {

std::uint32_t SourceFiles::add(const std::filesystem::path& path, std::string display_name) {
  make_room();
  auto file = std::make_unique<SourcePdf>(path, display_name);
  const auto identity = file->identity();
  files_.push_back({path, std::move(display_name), std::move(file), identity, ++clock_});
  ++open_;
  return static_cast<std::uint32_t>(files_.size() - 1);
}

SourcePdf& SourceFiles::at(std::uint32_t index) {
  auto& entry = files_.at(index);
  if (!entry.file) {
    make_room();
    auto file = std::make_unique<SourcePdf>(entry.path, entry.name);
    if (file->identity() != entry.identity) {
      Where where;
      where.file = entry.name;
      throw_input(where, "was replaced by another file while the job was produced");
    }
    entry.file = std::move(file);
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

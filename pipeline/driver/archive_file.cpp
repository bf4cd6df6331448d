#include "pipeline/driver/archive_file.hpp"

namespace kuvert {

ArchiveFile::ArchiveFile(const std::filesystem::path& path, const scan::ArchiveInfo& info)
    : objects_(numbering_), writer_(path, RunFileInfo{info.title, pdf_date(info.created), objects_.catalog_entries()}) {
  for (const auto& object : objects_.shared(info)) writer_.write(object);
}

void ArchiveFile::add_page(scan::ArchivePage&& page) {
  std::uint32_t number = 0;
  for (const auto& object : objects_.page(std::move(page), numbering_, number)) writer_.write(object);
  writer_.add_page(number);
}

RunFileResult ArchiveFile::finish() { return writer_.finish(numbering_.allocate(), numbering_.next()); }

}  // namespace kuvert

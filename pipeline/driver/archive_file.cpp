#include "pipeline/driver/archive_file.hpp"

namespace kuvert {

ArchiveFile::ArchiveFile(const std::filesystem::path& path, const scan::ArchiveInfo& info)
    : info_(info),
      objects_(numbering_),
      writer_(path, RunFileInfo{info.title, pdf_date(info.created), objects_.catalog_entries(), info.keywords}) {}

void ArchiveFile::add_page(scan::ArchivePage&& page) {
  std::uint32_t number = 0;
  for (const auto& object : objects_.page(std::move(page), numbering_, number)) writer_.write(object);
  writer_.add_page(number);
}

RunFileResult ArchiveFile::finish(const std::string& keywords) {
  if (!keywords.empty()) info_.keywords = keywords;
  writer_.set_keywords(info_.keywords);
  for (const auto& object : objects_.shared(info_)) writer_.write(object);
  return writer_.finish(numbering_.allocate(), numbering_.next());
}

}  // namespace kuvert

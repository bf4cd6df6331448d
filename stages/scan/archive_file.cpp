#include "stages/scan/archive_file.hpp"

namespace kuvert {

ArchiveFile::ArchiveFile(const std::filesystem::path& path, const scan::ArchiveInfo& info)
    : info_(info),
      objects_(numbering_),
      writer_(path, PdfFileInfo{info.title, pdf_date(info.created), objects_.catalog_entries(), ""}) {}

void ArchiveFile::add_page(scan::ArchivePage&& page) {
  std::uint32_t number = 0;
  for (const auto& object : objects_.page(std::move(page), numbering_, number)) writer_.write(object);
  writer_.add_page(number);
}

PdfFileResult ArchiveFile::finish(const std::string& keywords) {
  // The keywords come from the fields, known once every page is read.
  info_.keywords = keywords;
  writer_.set_keywords(keywords);
  for (const auto& object : objects_.shared(info_)) writer_.write(object);
  return writer_.finish(numbering_.allocate(), numbering_.next());
}

}  // namespace kuvert

#include "stages/scan/scan_document_writer.hpp"

#include <cstdio>

#include "pipeline/model/error.hpp"

namespace kuvert {

ScanDocumentWriter::ScanDocumentWriter(std::filesystem::path folder, WriteFile write_file, const ScanProfile& profile,
                                       std::string batch, std::string created)
    : folder_(std::move(folder)),
      write_file_(std::move(write_file)),
      profile_(profile),
      batch_(std::move(batch)),
      created_(std::move(created)),
      splitter_(scan::SeparationRule{profile.separation, profile.pages_per_document}) {}

void ScanDocumentWriter::add(ProcessedPage&& page) {
  const std::uint32_t number = page.record.batch_page;
  if (page.archive) {
    if (!open_) {
      char id[32];
      std::snprintf(id, sizeof id, "-%04zu", ++count_);
      open_id_ = batch_ + id;
      open_.emplace(folder_ / (open_id_ + ".pdf"), scan::ArchiveInfo{open_id_, created_});
    }
    open_->add_page(std::move(*page.archive));
  }
  separator_sheets_ += page.separator ? 1 : 0;
  blank_pages_dropped_ += page.dropped ? 1 : 0;
  scan::PageVerdict verdict{number, page.dropped, std::nullopt};
  if (page.separator) verdict.separator = page.record.barcode;
  records_.emplace(number, std::move(page.record));
  if (auto done = splitter_.add(verdict)) {
    close(*done);
    // Every page so far was in it (or a separator before it).
    records_.erase(records_.begin(), records_.upper_bound(number));
  }
}

void ScanDocumentWriter::finish() {
  if (auto done = splitter_.finish()) close(*done);
  records_.clear();
}

void ScanDocumentWriter::close(const scan::SplitDocument& split) {
  // A document's pages all have images (page_processing, scan_part_file).
  if (!open_) throw_input(Where{.document = batch_}, "a document of pages without images");
  ScannedDocument document;
  document.id = open_id_;
  document.file = open_id_ + ".pdf";
  document.separator = split.separator;
  for (const auto page : split.pages) document.pages.push_back(std::move(records_.at(page)));
  for (const auto page : split.dropped_blank) document.dropped.push_back(std::move(records_.at(page)));
  document.text = document_text(document.pages);
  document.fields = scan::find_fields(document.text, profile_.fields);
  std::string keywords;
  for (const auto& field : document.fields)
    keywords += (keywords.empty() ? "" : "; ") + field.name + ": " + field.value;
  const auto result = open_->finish(keywords);
  open_.reset();
  document.sha256 = result.sha256;
  document.bytes = result.bytes;
  write_file_(
      open_id_ + ".json",
      index_record(document, profile_.name, created_).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
          "\n");
  documents_.push_back(
      {document.id, document.file, open_id_ + ".json", document.pages.size(), document.dropped.size()});
}

}  // namespace kuvert

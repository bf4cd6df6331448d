#include "stages/ingest/document_entries.hpp"

#include "pipeline/model/error.hpp"
#include "stages/ingest/file_stamp.hpp"
#include "stages/ingest/job_manifest.hpp"
#include "stages/ingest/record_reader.hpp"

namespace kuvert {

DocumentEntries::DocumentEntries(const Job& job) : job_(job) {
  entries_.rdbuf()->pubsetbuf(buffer_, sizeof buffer_);
  entries_.open(job.entries, std::ios::binary);
  if (!entries_) throw_system(Where{.job = job.name, .file = job.entries.string()}, "cannot be read again");
  const Where where{.job = job.name, .file = job.entries.filename().string()};
  if (!job.record_fields.fields.empty())
    records_.emplace(entries_, record_format(job.entries, where), where, job.record_fields);
}

DocumentIdentity DocumentEntries::identity(std::uint32_t document) {
  const Document& planned = job_.documents.at(document);
  const Where where{.job = job_.name, .file = job_.entries.filename().string()};
  std::vector<Diagnostic> problems;
  std::optional<DocumentIdentity> label;
  if (job_.record_fields.fields.empty()) {
    if (auto entry = read_manifest_document_at(entries_, planned.entry_offset, where, problems))
      label = DocumentIdentity{std::move(entry->id), std::move(entry->recipient)};
  } else if (auto record = records_->at(planned.entry_offset, problems)) {
    label = DocumentIdentity{std::move(record->id), std::move(record->recipient)};
  }
  if (file_stamp(job_.entries) != job_.entries_stamp || !label || !problems.empty())
    throw_input(where, "changed while the job was being produced (document " + std::to_string(document + 1) +
                           " is no longer where it was); run the job again");
  return std::move(*label);
}

}  // namespace kuvert

#include "stages/ingest/document_labels.hpp"

#include "pipeline/model/error.hpp"
#include "stages/ingest/file_stamp.hpp"
#include "stages/ingest/job_manifest.hpp"

namespace kuvert {

DocumentLabels::DocumentLabels(const Job& job) : job_(job) {
  manifest_.rdbuf()->pubsetbuf(buffer_, sizeof buffer_);
  manifest_.open(job.manifest, std::ios::binary);
  if (!manifest_) throw_system(Where{.job = job.name, .file = job.manifest.string()}, "cannot read the manifest again");
}

DocumentLabel DocumentLabels::label(std::uint32_t document) {
  const Document& planned = job_.documents.at(document);
  const Where where{.job = job_.name, .file = job_.manifest.filename().string()};
  std::vector<Diagnostic> problems;
  auto entry = read_manifest_document_at(manifest_, planned.manifest_offset, where, problems);
  if (file_stamp(job_.manifest) != job_.manifest_stamp || !entry || !problems.empty())
    throw_input(where, "changed while the job was being produced (document " + std::to_string(document + 1) +
                           " is no longer where it was); run the job again");
  return {std::move(entry->id), std::move(entry->recipient)};
}

}  // namespace kuvert

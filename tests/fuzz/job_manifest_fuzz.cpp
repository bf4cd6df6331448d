// job.json as a specialist application may send it: the job's fields, then
// every document, then one document again by its offset.
#include <memory>
#include <sstream>

#include "pipeline/model/error.hpp"
#include "stages/ingest/job_manifest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const kuvert::ManifestOpener open = [&bytes] { return std::make_unique<std::istringstream>(bytes); };
  kuvert::Where where;
  where.file = "job.json";
  std::vector<kuvert::Diagnostic> problems;
  try {
    const kuvert::JobManifest manifest = kuvert::read_job_manifest(open, where, problems);
    std::vector<std::uint64_t> offsets;
    kuvert::read_manifest_documents(open, manifest, where, problems,
                                    [&](kuvert::ManifestDocument&&, std::uint64_t offset) {
                                      if (offsets.size() < 4) offsets.push_back(offset);
                                    });
    for (const auto offset : offsets) {
      std::istringstream in(bytes);
      kuvert::read_manifest_document_at(in, offset, where, problems);
    }
  } catch (const kuvert::Error&) {
  }
  return 0;
}

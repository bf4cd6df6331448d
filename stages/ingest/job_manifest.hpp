#pragma once
// job.json as written by the specialist application (DESIGN.md, job
// manifest), checked field by field but not yet against files or profiles.
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/model/error.hpp"
#include "pipeline/model/production.hpp"
#include "pipeline/model/recipient.hpp"
#include "stages/ingest/page_range.hpp"

namespace kuvert {

struct ManifestDocument {
  std::string id;
  std::optional<PageRange> pages;  // from the job's print file
  std::string file;                // or a PDF of its own, relative to the job
  Recipient recipient;
  ProductionSettings settings;     // defaults with this document's overrides
};

struct JobManifest {
  std::string job;
  std::string client;
  std::string application;
  std::string print_file;
  std::vector<ManifestDocument> documents;
};

// Reads the manifest from the streams `open` returns (it is read twice: the
// job's fields and defaults first, then the documents one at a time, so the
// parsed manifest never stands in memory as a whole). Every problem found is
// appended to `problems` (with Where::job and Where::file set); the result
// is meaningful only when none was added.
JobManifest read_job_manifest(const std::function<std::unique_ptr<std::istream>()>& open, const Where& where,
                              std::vector<Diagnostic>& problems);

}  // namespace kuvert

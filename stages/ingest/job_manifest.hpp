#pragma once
// job.json as written by the specialist application (DESIGN.md, job
// manifest), checked field by field but not yet against files or profiles.
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

// Parses the manifest text. Every problem found is appended to `problems`
// (with Where::job and Where::file set); the result is meaningful only when
// none was added.
JobManifest parse_job_manifest(const std::string& text, const Where& where, std::vector<Diagnostic>& problems);

}  // namespace kuvert

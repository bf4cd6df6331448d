#pragma once
#include <filesystem>

#include "pipeline/model/job.hpp"
#include "pipeline/model/profile_catalog.hpp"
#include "stages/ingest/source_files.hpp"

namespace kuvert {

// Reads and validates a job: `path` is a job folder holding job.json, or
// the manifest file itself. Checks the manifest, the profiles it names, and
// its PDFs: every page exists, is A4 portrait, and belongs to exactly one
// document. The PDFs stay open in `sources` (indexed like Job::files) for
// imposition. Throws kuvert::Error (kind input) listing every problem
// found; nothing is produced before this returns.
Job read_job(const std::filesystem::path& path, const ProfileCatalog& profiles, SourceFiles& sources);

}  // namespace kuvert

#pragma once
#include <filesystem>

#include "pipeline/model/job.hpp"
#include "pipeline/model/profile_catalog.hpp"

namespace kuvert {

// Reads and validates a job: `path` is a job folder holding job.json, or
// the manifest file itself. Checks the manifest, the profiles it names, and
// its PDFs: every page exists, is A4 portrait, and belongs to exactly one
// document. Throws kuvert::Error (kind input) listing every problem found;
// nothing is produced before this returns.
Job read_job(const std::filesystem::path& path, const ProfileCatalog& profiles);

}  // namespace kuvert

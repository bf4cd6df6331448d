#pragma once
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <variant>

#include "pipeline/model/job.hpp"
#include "pipeline/model/profile_catalog.hpp"
#include "stages/ingest/source_files.hpp"

namespace kuvert {

// A data job as its manifest gives it: its letters are to be composed from
// a layout and records (DESIGN.md, job manifest) before they are planned.
struct DataJob {
  std::string name;
  std::string client;
  std::string application;
  std::string due;                 // YYYY-MM-DD or empty
  std::filesystem::path manifest;  // absolute
  std::string layout;              // layouts/letters/NAME.toml
  std::filesystem::path records;   // absolute, inside the job folder
  std::string records_name;        // as the manifest names it
  ProductionSettings defaults;     // checked against the profiles
  bool skip_bad_records = false;
  std::size_t record_limit = 0;  // compose only the first records (a proof); 0: all
  // A reprint's: compose only the records of these document ids, the
  // others are read and left (a reprint of a few letters of a large job).
  std::optional<std::set<std::string>> only_documents;
};

// Reads and validates a job: `path` is a job folder holding job.json, or
// the manifest file itself. A print-file job comes back as a Job: the
// manifest, the profiles it names and its PDFs are checked (every page
// exists, is A4 portrait, and belongs to exactly one document), and the
// PDFs stay open in `sources` (indexed like Job::files) for imposition. A
// data job comes back as a DataJob, its manifest checked; its records are
// checked as they are composed. Throws kuvert::Error (kind input) listing
// every problem found; nothing is produced before this returns.
std::variant<Job, DataJob> read_job(const std::filesystem::path& path, const ProfileCatalog& profiles,
                                    SourceFiles& sources);

}  // namespace kuvert

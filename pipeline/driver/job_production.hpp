#pragma once
// What `kuvert run` and `kuvert proof` begin with: the profiles in force on
// the production date, the threads the job may use, and the job read and
// checked against the profiles, its PDFs open in `sources`.
#include <tbb/global_control.h>

#include <variant>

#include "pipeline/driver/reporter.hpp"
#include "pipeline/driver/run_request.hpp"
#include "pipeline/model/profile_catalog.hpp"
#include "stages/ingest/job_reader.hpp"
#include "stages/ingest/source_files.hpp"

namespace kuvert {

struct JobProduction {
  // Throws kuvert::Error as load_profiles and read_job do.
  JobProduction(const RunRequest& request, Reporter& reporter);

  ProfileCatalog profiles;
  unsigned threads;
  tbb::global_control parallelism;  // the threads, while this lives
  SourceFiles sources;
  std::variant<Job, DataJob> input;
};

}  // namespace kuvert

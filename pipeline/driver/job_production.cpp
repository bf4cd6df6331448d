#include "pipeline/driver/job_production.hpp"

#include <tbb/info.h>

#include "pipeline/profiles/load_profiles.hpp"

namespace kuvert {
namespace {

std::variant<Job, DataJob> read_input(const RunRequest& request, const ProfileCatalog& profiles,
                                      SourceFiles& sources, Reporter& reporter) {
  reporter.stage("reading the job and its files");
  return read_job(request.job, profiles, sources);
}

}  // namespace

JobProduction::JobProduction(const RunRequest& request, Reporter& reporter)
    : profiles(load_profiles(request.layouts, request.production_date)),
      threads(request.threads ? request.threads : static_cast<unsigned>(tbb::info::default_concurrency())),
      parallelism(tbb::global_control::max_allowed_parallelism, threads),
      input(read_input(request, profiles, sources, reporter)) {}

}  // namespace kuvert

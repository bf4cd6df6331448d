#include "pipeline/driver/job_production.hpp"

#include <tbb/info.h>

#include "pipeline/model/error.hpp"
#include "pipeline/profiles/load_profiles.hpp"
#include "stages/ingest/job_manifest.hpp"

namespace kuvert {
namespace {

// An inbox takes one client's jobs: another's is refused before anything
// of it is read. (A manifest that does not read is left to read_job, which
// says why.)
void check_inbox_client(const RunRequest& request) {
  if (request.inbox_client.empty()) return;
  const JobManifest fields = read_job_fields(request.job);
  if (!fields.valid_json || fields.client == request.inbox_client) return;
  throw_input(Where{.job = fields.job.empty() ? job_folder_name(request.job) : fields.job, .field = "client"},
              "the job is for client \"" + fields.client + "\", but inbox \"" + request.inbox + "\" takes jobs of \"" +
                  request.inbox_client + "\" only");
}

std::variant<Job, DataJob> read_input(const RunRequest& request, const ProfileCatalog& profiles, SourceFiles& sources,
                                      Reporter& reporter) {
  reporter.stage("reading the job and its files");
  check_inbox_client(request);
  return read_job(request.job, profiles, sources);
}

}  // namespace

JobProduction::JobProduction(const RunRequest& request, Reporter& reporter)
    : profiles(load_profiles(request.layouts, request.production_date)),
      threads(request.threads ? request.threads : static_cast<unsigned>(tbb::info::default_concurrency())),
      parallelism(tbb::global_control::max_allowed_parallelism, threads),
      input(read_input(request, profiles, sources, reporter)) {}

}  // namespace kuvert

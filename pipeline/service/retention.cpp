#include "pipeline/service/retention.hpp"

#include "pipeline/model/counted.hpp"
#include "pipeline/service/inbox_files.hpp"
#include "pipeline/store/job_records.hpp"

namespace kuvert::service {

namespace fs = std::filesystem;
using namespace kuvert::store;

namespace {

constexpr std::int64_t kDay = 24 * 60 * 60;

// Only ever inside the store's own folders: a record pointing elsewhere
// (an input moved to an inbox's error/) is left alone.
bool remove_inside(const fs::path& path, const fs::path& folder) {
  const auto entry = entry_inside(path, folder);
  if (!entry) return false;
  std::error_code error;
  fs::remove_all(*entry, error);
  return !error;
}

}  // namespace

int apply_retention(Store& store, const ServiceConfig& config, std::int64_t now, const ServiceLog& log) {
  int removed = 0;
  for (const auto& input : inputs_expired(store, iso_time(now - config.keep_inputs_days * kDay))) {
    if (!remove_inside(input.place, store.inputs_folder())) continue;
    input_files_removed(store, input.id, now);
    ++removed;
  }
  for (const auto& job : job_outputs_expired(store, iso_time(now - config.keep_outputs_days * kDay))) {
    if (!remove_inside(job.output, store.jobs_folder())) continue;
    job_output_removed(store, job.id, now);
    ++removed;
  }
  if (removed > 0) log("retention: removed " + counted(removed, "input or job output", "inputs and job outputs"));
  return removed;
}

}  // namespace kuvert::service

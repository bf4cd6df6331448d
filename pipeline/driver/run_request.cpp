#include "pipeline/driver/run_request.hpp"

#include <vector>

#include "pipeline/model/error.hpp"
#include "pipeline/model/iso_date.hpp"

namespace kuvert {

std::string job_folder_name(const std::filesystem::path& job) {
  auto path = std::filesystem::absolute(job).lexically_normal();
  if (!path.has_filename()) path = path.parent_path();
  if (path.extension() == ".json") path = path.parent_path();
  return path.filename().string();
}

void complete(RunRequest& request, std::int64_t now) {
  if (request.output.empty())
    request.output = std::filesystem::path("out") /
                     (request.split.empty() ? job_folder_name(request.job) : request.job.stem().string());
  if (request.production_date.empty()) request.production_date = utc_text(now, "%Y-%m-%d");
  if (request.deterministic) request.created = request.production_date + "T00:00:00Z";
  if (request.created.empty()) request.created = iso_time(now);
}

void validate(const RunRequest& request) {
  std::vector<Diagnostic> problems;
  auto add = [&problems](const char* field, std::string message) {
    problems.push_back({Where{.field = field}, std::move(message)});
  };
  if (request.job.empty()) add("job", "no job given");
  // A print file alone has no index: the application's job.json, or a split.
  const bool print_file = request.job.extension() == ".pdf" || request.job.extension() == ".PDF";
  if (request.split.empty() && print_file)
    add("job", request.job.filename().string() +
                   " is a print file without its job.json: give the job folder, or split it with --split PROFILE");
  if (!request.split.empty() && !print_file)
    add("--split", request.job.filename().string() + " is no print file (.pdf) to split");
  if (request.output.empty()) add("output", "no output folder given");
  if (request.max_sheets == 0) add("--max-sheets", "must be at least 1");
  if (request.threads > 256) add("--threads", "must be between 1 and 256 (0 for one per core)");
  if (!is_iso_date(request.production_date))
    add("--date", "\"" + request.production_date + "\" is not a date (expected YYYY-MM-DD, a day that exists)");
  if (!request.job_key.empty() &&
      (request.job_key.size() != 8 || request.job_key.find_first_not_of("0123456789ABCDEF") != std::string::npos))
    add("--job-key", "\"" + request.job_key + "\" is not eight hex digits (0-9, A-F)");
  if (!std::filesystem::is_directory(request.layouts)) add("--layouts", request.layouts.string() + " is not a folder");
  if (!problems.empty()) throw Error(ErrorKind::usage, std::move(problems));
}

}  // namespace kuvert

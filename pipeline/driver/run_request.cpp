#include "pipeline/driver/run_request.hpp"

#include <vector>

#include "pipeline/model/error.hpp"
#include "pipeline/model/iso_date.hpp"

namespace kuvert {

void validate(const RunRequest& request) {
  std::vector<Diagnostic> problems;
  auto add = [&problems](const char* field, std::string message) {
    problems.push_back({Where{.field = field}, std::move(message)});
  };
  if (request.job.empty()) add("job", "no job given");
  if (request.output.empty()) add("output", "no output folder given");
  if (request.max_sheets == 0) add("--max-sheets", "must be at least 1");
  if (request.threads > 256) add("--threads", "must be between 1 and 256 (0 for one per core)");
  if (!is_iso_date(request.production_date))
    add("--date", "\"" + request.production_date + "\" is not a date (expected YYYY-MM-DD, a day that exists)");
  if (!std::filesystem::is_directory(request.layouts))
    add("--layouts", request.layouts.string() + " is not a folder");
  if (!problems.empty()) throw Error(ErrorKind::usage, std::move(problems));
}

}  // namespace kuvert

#include "pipeline/driver/scan_request.hpp"

#include <vector>

#include "pipeline/model/error.hpp"
#include "pipeline/model/iso_date.hpp"

namespace kuvert {

namespace fs = std::filesystem;

void complete(ScanRequest& request, std::int64_t now) {
  if (request.output.empty()) request.output = fs::path("out") / utc_text(now, "scan-%Y%m%d-%H%M%S");
  if (request.name.empty()) {
    // "out/post/" names its folder "post".
    const auto folder = fs::absolute(request.output).lexically_normal();
    request.name = (folder.has_filename() ? folder : folder.parent_path()).filename().string();
  }
  if (request.deterministic) request.created = "2000-01-01T00:00:00Z";
  if (request.created.empty()) request.created = iso_time(now);
}

bool is_document_name(const std::string& name) {
  return !name.empty() && name.size() <= 100 && name.front() != '.' &&
         name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.") ==
             std::string::npos;
}

void validate(const ScanRequest& request) {
  std::vector<Diagnostic> problems;
  auto add = [&problems](const char* field, std::string message) {
    problems.push_back({Where{.field = field}, std::move(message)});
  };
  if (request.inputs.empty()) add("input", "no input files given");
  if (request.output.empty()) add("output", "no output folder given");
  if (request.threads > 256) add("--threads", "must be between 1 and 256 (0 for one per core)");
  const std::string& name = request.name;
  if (!is_document_name(name))
    add("--name",
        "\"" + name + "\" cannot name documents (letters, digits, - _ . only, up to 100, not starting with .)");
  if (!fs::is_directory(request.layouts)) add("--layouts", request.layouts.string() + " is not a folder");
  if (!problems.empty()) throw Error(ErrorKind::usage, std::move(problems));
}

}  // namespace kuvert

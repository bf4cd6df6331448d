#include "tests/support/kuvert_job.hpp"

#include <algorithm>
#include <fstream>

namespace kuvert::test {

std::filesystem::path source_dir() { return KUVERT_SOURCE_DIR; }

SampleJobOptions plain_job(std::size_t documents, std::uint32_t pages, const std::string& name) {
  SampleJobOptions options;
  options.documents = documents;
  options.fixed_pages = pages;
  options.repeat_share = 0;
  options.foreign_share = 0;
  options.insert_share = 0;
  options.job = name;
  return options;
}

KuvertJob::KuvertJob(const SampleJobOptions& options)
    : folder_(temp_.path() / "job"), documents_(write_sample_job(folder_, options)) {}

KuvertJob::KuvertJob(const SampleRecordsOptions& options) : folder_(temp_.path() / "job") {
  write_sample_records(folder_, options);
}

void KuvertJob::edit_records(const std::function<void(std::vector<std::string>&)>& change) {
  const auto path = folder_ / "records.jsonl";
  std::vector<std::string> lines;
  {
    std::ifstream in(path, std::ios::binary);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
  }
  change(lines);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  for (const auto& line : lines) out << line << '\n';
}

void KuvertJob::edit_manifest(const std::function<void(nlohmann::json&)>& change) {
  const auto path = folder_ / "job.json";
  nlohmann::json manifest = nlohmann::json::parse(std::ifstream(path));
  change(manifest);
  std::ofstream(path) << manifest.dump(2);
}

namespace {

// `kuvert COMMAND FOLDER -o OUTPUT` with the shipped layouts and fonts, on
// a fixed date with fixed timestamps.
ProcessResult run_kuvert(const char* command, const std::filesystem::path& folder, const std::filesystem::path& output,
                         const std::vector<std::string>& extra) {
  std::vector<std::string> args = {command,      folder.string(),  "-o", output.string(), "--date",
                                   "2026-11-22", "--deterministic"};
  args.insert(args.end(), extra.begin(), extra.end());
  return kuvert_cli(std::move(args));
}

}  // namespace

ProcessResult KuvertJob::run(const std::vector<std::string>& extra) const {
  return run_kuvert("run", folder_, output(), extra);
}

ProcessResult KuvertJob::proof(const std::filesystem::path& file, const std::vector<std::string>& extra) const {
  return run_kuvert("proof", folder_, file, extra);
}

ProcessResult kuvert_cli(std::vector<std::string> args) {
  const auto given = [&](const std::string& option) {
    return std::any_of(args.begin(), args.end(),
                       [&](const std::string& arg) { return arg == option || arg.starts_with(option + "="); });
  };
  const bool sets_text = !args.empty() && (args[0] == "run" || args[0] == "split" || args[0] == "proof");
  if (sets_text && !given("--layouts")) args.insert(args.end(), {"--layouts", (source_dir() / "layouts").string()});
  if (sets_text && !given("--fonts")) args.insert(args.end(), {"--fonts", (source_dir() / "fonts").string()});
  args.insert(args.begin(), KUVERT_BINARY);
  return run_process(args);
}

}  // namespace kuvert::test

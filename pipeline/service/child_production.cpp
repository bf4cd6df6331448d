#include "pipeline/service/child_production.hpp"

#include <cctype>
#include <cstdio>
#include <fstream>

#include "pipeline/model/error.hpp"
#include "pipeline/service/file_confinement.hpp"
#include "pipeline/service/production_process.hpp"

namespace kuvert::service {

namespace fs = std::filesystem;
using namespace kuvert::store;

namespace {

// What a production child leaves in its work folder: its output, and the
// stage its job was at (read when it crashed).
constexpr const char* kProduced = "output";
constexpr const char* kStage = "stage";

// The prefix of a job's piece ids: the store's id of the job in eight hex
// digits, unique in the store and never used again (jobs are numbered by
// AUTOINCREMENT and never deleted), so no two pieces share an id.
std::string store_job_key(std::int64_t job) {
  char key[17];
  std::snprintf(key, sizeof key, "%08llX", static_cast<unsigned long long>(job));
  return key;
}

}  // namespace

bool is_pdf_name(const fs::path& file) {
  std::string extension = file.extension().string();
  for (auto& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return extension == ".pdf";
}

namespace {

// A job inbox takes job folders and manifests, a printfile inbox print
// files; whatever else arrives is refused with that said.
fs::path job_input(const fs::path& place, bool print_file) {
  std::error_code error;
  const bool folder = fs::is_directory(place, error);
  if (print_file && !folder && is_pdf_name(place)) return place;
  if (!print_file && (folder || place.extension() == ".json")) return place;
  Where where;
  where.file = place.filename().string();
  throw_input(where, print_file ? "a printfile inbox takes print files without an index (.pdf)"
                                : "a job inbox takes job folders (with job.json) or job manifests (.json)");
}

// The folders a production child may read: the system, the layouts and
// fonts, the program, and its own.
std::vector<fs::path> readable_by_production(const ServiceConfig& config, const std::vector<fs::path>& own) {
  std::vector<fs::path> readable = system_folders();
  std::error_code error;
  const fs::path program = fs::canonical(config.program, error);
  readable.insert(readable.end(), {config.layouts, config.fonts, error ? config.program : program});
  readable.insert(readable.end(), own.begin(), own.end());
  return readable;
}

}  // namespace

std::vector<std::string> print_job_arguments(const ServiceConfig& config, const fs::path& place, const JobRecord& job,
                                             const std::string& date, const fs::path& work, const std::string& split) {
  std::vector<std::string> arguments = {"run",
                                        job_input(place, !split.empty()).string(),
                                        "--fonts",
                                        config.fonts.string(),
                                        "--max-sheets",
                                        std::to_string(config.max_sheets),
                                        "--date",
                                        date,
                                        "--stage-file",
                                        (work / kStage).string(),
                                        "--inbox",
                                        job.inbox,
                                        "--inbox-client",
                                        job.client,
                                        "--job-key",
                                        store_job_key(job.id)};
  if (!split.empty()) arguments.insert(arguments.end(), {"--split", split});
  return arguments;
}

std::optional<std::string> produce_in_child(const ServiceConfig& config, const ChildProduction& production,
                                            const fs::path& output, const std::atomic<bool>& stopping) {
  fs::path work = output;
  work += ".work";
  std::error_code error;
  fs::remove_all(work, error);  // what a killed child left
  fs::create_directories(work, error);
  if (error) throw_system(Where{.file = work.string()}, "cannot be made: " + error.message());
  const fs::path produced = work / kProduced;
  const FileConfinement confinement(readable_by_production(config, production.readable), {work});
  auto arguments = production.arguments(work);
  arguments.insert(arguments.end(), {"-o", produced.string(), "--layouts", config.layouts.string(), "--threads",
                                     std::to_string(config.threads), "--created", iso_time(production.now)});
  const ProductionExit exit = run_production_process(config.program, arguments, config.job_limits, work / "report",
                                                     stopping, {.confinement = &confinement, .temporary = work});
  const bool complete = fs::exists(produced / production.complete, error);
  std::string stage;
  std::getline(std::ifstream(work / kStage), stage);
  if (complete) {
    fs::rename(produced, output, error);
    if (error) throw_system(Where{.file = output.string()}, "cannot be put in place: " + error.message());
  }
  fs::remove_all(work, error);
  switch (exit.kind) {
    case ProductionExit::Kind::finished:
      return std::nullopt;
    case ProductionExit::Kind::refused: {
      if (complete) return std::nullopt;  // a scan batch with rejected files
      std::vector<Diagnostic> problems;
      for (const auto& line : exit.problems) problems.push_back({{}, line});
      if (problems.empty()) problems.push_back({{}, "refused without a reason"});
      throw Error(ErrorKind::input, std::move(problems));
    }
    case ProductionExit::Kind::poisoned:
      return production.what + exit.reason + (stage.empty() ? "" : " while " + stage);
    case ProductionExit::Kind::stopped:
      throw_system({}, "stopped with the service before it was done");
    case ProductionExit::Kind::failed:
      break;
  }
  std::string reason = exit.reason;
  for (const auto& line : exit.problems) reason += ": " + line;
  throw_system({}, reason);
}

}  // namespace kuvert::service

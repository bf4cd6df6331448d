#pragma once
// Producing in a child process of the same binary (production_process.hpp),
// confined to what it reads and to a work folder beside its output
// (OUTPUT.work), whose output is renamed into place only when complete:
// a job's runs, a scan batch's archive, a reprint's runs.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/config/service_config.hpp"
#include "pipeline/store/job_records.hpp"

namespace kuvert::service {

struct ChildProduction {
  // The subcommand and its own arguments, given the work folder; "-o",
  // "--layouts", "--threads" and "--created" are added.
  std::function<std::vector<std::string>(const std::filesystem::path& work)> arguments;
  std::vector<std::filesystem::path> readable;  // what it reads besides the system, layouts, fonts and program
  std::string what;                             // "the job ", "the scan batch ", "the reprint ": how reasons begin
  std::int64_t now = 0;                         // its --created
  std::string complete = "summary.json";        // the file its output folder has when it is complete
};

// Throws kuvert::Error: input with the child's problems when it refused
// its input, system when it failed otherwise (tried again) or the service
// is stopping; a poisoned input (crash, limit) is returned as its reason,
// never tried again.
std::optional<std::string> produce_in_child(const ServiceConfig& config, const ChildProduction& production,
                                            const std::filesystem::path& output, const std::atomic<bool>& stopping);

// A print file's name: NAME.pdf, in any case.
bool is_pdf_name(const std::filesystem::path& file);

// `kuvert run`'s arguments for `job` made of the input at `place` (a job
// folder or manifest; with a split profile `split`, a print file without
// an index; anything else is refused, kuvert::Error input), for the
// production `date`, its stage noted in `work`.
std::vector<std::string> print_job_arguments(const ServiceConfig& config, const std::filesystem::path& place,
                                             const store::JobRecord& job, const std::string& date,
                                             const std::filesystem::path& work, const std::string& split = "");

}  // namespace kuvert::service

#pragma once
#include <cstddef>
#include <filesystem>
#include <string>

namespace kuvert {

// Everything `kuvert run` (or the service) asks of one job.
struct RunRequest {
  std::filesystem::path job;      // job folder or job.json
  std::filesystem::path output;   // output folder; must not exist
  std::filesystem::path layouts;  // profiles, tariffs, letter layouts, clients
  std::filesystem::path fonts;    // fonts.toml: the fonts letter layouts name
  unsigned threads = 0;           // 0: one per core
  std::size_t max_sheets = 2000;  // per run
  bool deterministic = false;     // fixed timestamps, for comparable output
  std::string production_date;    // ISO date; selects the tariff
  std::string created;            // ISO timestamp written into tickets
};

// Every problem of the request at once; throws kuvert::Error (usage).
void validate(const RunRequest& request);

}  // namespace kuvert

#pragma once
#include <cstddef>
#include <cstdint>
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
  // Set by the service: the inbox the job came by and the one client whose
  // jobs it takes. A job of another client is refused before anything of
  // it is produced.
  std::string inbox;
  std::string inbox_client;
  // The prefix of the job's piece ids (eight hex digits, as in the 2D
  // codes). The service's is unique in its store and never used again;
  // empty: one derived from the job's client, name and `created`.
  std::string job_key;
  // Set by the service: a reprint order (reprint_selection.hpp); only its
  // documents are produced, in runs N0001, ...
  std::filesystem::path reprint;
  // `kuvert run PRINTFILE --split NAME`: `job` is a print file without an
  // index, split by layouts/splits/NAME.toml into OUTPUT/split/ first.
  std::string split;
};

// "Grundsteuer" for a job folder .../Grundsteuer or its .../Grundsteuer/job.json.
std::string job_folder_name(const std::filesystem::path& job);

// Fills in what the request leaves open, from the caller's clock `now`
// (Unix time): the output folder out/JOBFOLDER, the production date (today,
// UTC) and `created` (now; when deterministic, the production date's
// midnight, so that the same job gives the same bytes).
void complete(RunRequest& request, std::int64_t now);

// Every problem of the request at once; throws kuvert::Error (usage).
void validate(const RunRequest& request);

}  // namespace kuvert

#include "tests/support/processed_job.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "pipeline/pdf/sha256.hpp"
#include "pipeline/service/job_processing.hpp"
#include "pipeline/store/job_records.hpp"
#include "pipeline/store/work_claims.hpp"
#include "tests/support/file_text.hpp"
#include "tests/support/kuvert_job.hpp"
#include "tools/sample_job/sample_job.hpp"

namespace kuvert::test {

namespace fs = std::filesystem;
using namespace kuvert::store;

ServiceConfig test_service_config(const fs::path& folder) {
  ServiceConfig config;
  config.store = folder / "store";
  config.layouts = source_dir() / "layouts";
  config.fonts = source_dir() / "fonts";
  config.program = KUVERT_BINARY;
  config.printers.push_back({"drucker-1", folder / "drucker"});
  config.inboxes.push_back({"steuer", folder / "eingang", InboxKind::job, "musterstadt", "", "drucker-1"});
  return config;
}

std::int64_t processed_job(Store& store, const ServiceConfig& config, const fs::path& staging, const std::string& name,
                           std::size_t documents, bool sensitive, std::int64_t now,
                           const std::function<void(const fs::path&)>& tamper, std::int64_t done_at) {
  const fs::path staged = staging / name;
  write_sample_job(staged, plain_job(documents, 1, name));
  if (sensitive) {
    auto manifest = nlohmann::json::parse(std::ifstream(staged / "job.json"));
    manifest["defaults"]["sensitive"] = true;
    std::ofstream(staged / "job.json") << manifest.dump();
  }
  // The input's fingerprint, as intake takes it: jobs alike are duplicates.
  Sha256 fingerprint;
  fingerprint.update(read_file(staged / "job.json"));
  const auto taking = begin_taking(store, "steuer", name, fingerprint.hex(), "", now, kTestWorker);
  const fs::path place = store.inputs_folder() / std::to_string(taking.id) / name;
  fs::create_directories(place.parent_path());
  fs::rename(staged, place);
  set_input_place(store, taking.id, place.string());
  set_input_state(store, taking.id, InputState::taken, "", now);
  if (tamper) tamper(place);
  const std::atomic<bool> running{false};
  bool started = false;
  const service::Clock clock = [&] {
    const bool first = !started;
    started = true;
    return first || done_at == 0 ? now : done_at;
  };
  // Claimed as the service's worker claims it before processing it.
  register_worker(store, {.name = kTestWorker, .host = "test", .pid = 1, .kind = "serve", .started_at = iso_time(now)},
                  3600);
  const auto input = claim_input(store, kTestWorker, InputState::taken, taking.id - 1);
  REQUIRE(input);
  REQUIRE(input->id == taking.id);
  service::process_input(
      store, config, *input, clock, [](const std::string&) {}, running, kTestWorker);
  for (const auto& job : list_jobs(store))
    if (job.input == taking.id) return job.id;
  return 0;
}

}  // namespace kuvert::test

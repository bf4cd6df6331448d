#include "pipeline/service/job_processing.hpp"

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "pipeline/store/audit_trail.hpp"
#include "pipeline/store/job_records.hpp"
#include "pipeline/store/piece_records.hpp"
#include "pipeline/store/work_claims.hpp"
#include "tests/support/processed_job.hpp"
#include "tests/support/store_under_test.hpp"
#include "tests/support/temp_folder.hpp"

using namespace kuvert::store;

TEST_CASE("A job finishes when it is done, not when it began", "[service][postgres]") {
  constexpr std::int64_t kStart = 1795000000, kDone = kStart + 125;
  kuvert::test::TempFolder temp;
  const auto config = kuvert::test::test_service_config(temp.path());
  const kuvert::test::StoreUnderTest under(
      GENERATE(kuvert::test::StoreKind::sqlite, kuvert::test::StoreKind::postgresql), config.store);
  Store store(under.options());
  const auto id = kuvert::test::processed_job(store, config, temp.path(), "langsam", 2, false, kStart, {}, kDone);
  const auto job = find_job(store, id);
  REQUIRE(job);
  CHECK(job->created_at == iso_time(kStart));
  CHECK(job->finished_at == iso_time(kDone));
  AuditFilter filter;
  filter.object = "job J" + std::to_string(id);
  const auto trail = read_audit(store, filter);
  REQUIRE(trail.size() == 2);
  CHECK(trail[0].entry.action == "job done");
  CHECK(trail[0].entry.detail == "langsam: 2 documents, 1 run");  // one run, not "1 runs"
  CHECK(trail[0].entry.at == iso_time(kDone));
  CHECK(trail[1].entry.action == "job started");
  CHECK(trail[1].entry.at == iso_time(kStart));
}

TEST_CASE("A failed job shows the name and client its job.json gives", "[service][postgres]") {
  constexpr std::int64_t kStart = 1795000000;
  kuvert::test::TempFolder temp;
  const auto config = kuvert::test::test_service_config(temp.path());
  const kuvert::test::StoreUnderTest under(
      GENERATE(kuvert::test::StoreKind::sqlite, kuvert::test::StoreKind::postgresql), config.store);
  Store store(under.options());
  const auto id = kuvert::test::processed_job(
      store, config, temp.path(), "eingang-0815", 2, false, kStart, [](const std::filesystem::path& folder) {
        auto manifest = nlohmann::json::parse(std::ifstream(folder / "job.json"));
        manifest["job"] = "grundsteuer-nachlauf";
        manifest["client"] = "nachbarstadt";
        manifest["defaults"]["paper"] = "a4-90";  // no such paper: the job fails
        std::ofstream(folder / "job.json") << manifest.dump();
      });
  const auto job = find_job(store, id);
  REQUIRE(job);
  CHECK(job->state == JobState::failed);
  CHECK(job->name == "grundsteuer-nachlauf");
  CHECK(job->client == "nachbarstadt");
}

TEST_CASE("Two jobs alike at the same second get piece ids of their own, the store's job key first",
          "[service][postgres]") {
  constexpr std::int64_t kStart = 1795000000;
  kuvert::test::TempFolder temp;
  const auto config = kuvert::test::test_service_config(temp.path());
  const kuvert::test::StoreUnderTest under(
      GENERATE(kuvert::test::StoreKind::sqlite, kuvert::test::StoreKind::postgresql), config.store);
  Store store(under.options());
  std::set<std::string> seen;
  for (const std::size_t documents : {3, 4}) {
    // Same name, client and time: a key made from them would be the same.
    const auto staging = temp.path() / std::to_string(documents);
    const auto id = kuvert::test::processed_job(store, config, staging, "grundsteuer", documents, false, kStart);
    char key[16];
    std::snprintf(key, sizeof key, "%08llX", static_cast<unsigned long long>(id));
    const auto runs = runs_of_job(store, id);
    REQUIRE(runs.size() == 1);
    const auto ticket =
        nlohmann::json::parse(std::ifstream(std::filesystem::path(runs[0].file).replace_extension(".json")));
    CHECK(ticket["job_key"] == key);
    std::ifstream manifest(std::filesystem::path(runs[0].file).replace_extension(".csv"));
    std::string line;
    std::getline(manifest, line);  // the header
    std::size_t pieces = 0;
    while (std::getline(manifest, line)) {
      const std::string piece = line.substr(0, line.find(','));
      CHECK(piece.starts_with(std::string(key) + "-R0001-"));
      CHECK(seen.insert(piece).second);  // never the other job's
      ++pieces;
    }
    CHECK(pieces == documents);
    // The store knows them, for reconciliation: not set until results come.
    const auto recorded = pieces_of_run(store, runs[0].id);
    REQUIRE(recorded.size() == documents);
    CHECK(recorded.front().id == std::string(key) + "-R0001-000001");
    CHECK_FALSE(recorded.front().status.has_value());
  }
}

TEST_CASE("An input of an inbox this host does not have is left for a host that has it", "[service]") {
  constexpr std::int64_t kStart = 1795000000;
  kuvert::test::TempFolder temp;
  const auto config = kuvert::test::test_service_config(temp.path());
  Store store({config.store});
  for (const char* worker : {"a", "b"})
    register_worker(store, {.name = worker, .host = worker, .pid = 1, .kind = "serve", .started_at = iso_time(kStart)},
                    60);
  const auto taking = begin_taking(store, "anderswo", "job-1", std::string(64, 'a'), "", kStart, "a");
  set_input_state(store, taking.id, InputState::taken, "", kStart);
  const auto input = claim_input(store, "a", InputState::taken, 0);
  REQUIRE(input);
  std::vector<std::string> log;
  const std::atomic<bool> running{false};
  kuvert::service::process_input(
      store, config, *input, [] { return kStart; }, [&log](const std::string& line) { log.push_back(line); }, running,
      "a");
  REQUIRE(log.size() == 1);
  CHECK(log[0] ==
        "input 1 (anderswo/job-1): inbox \"anderswo\" is not configured here; left as it is for a host "
        "that has it");
  CHECK(find_input(store, input->id)->state == InputState::taken);
  // Another worker, whose kuvert.toml may have the inbox, can take it.
  CHECK(claim_input(store, "b", InputState::taken, 0));
}

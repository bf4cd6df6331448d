// kuvert store migrate: a SQLite store moved into PostgreSQL, records,
// ids and audit chain as they were.
#include "pipeline/store/store_move.hpp"

#include <catch2/catch.hpp>
#include <fstream>

#include "pipeline/store/audit_trail.hpp"
#include "pipeline/store/job_records.hpp"
#include "pipeline/store/piece_records.hpp"
#include "pipeline/store/user_accounts.hpp"
#include "tests/support/postgres_scratch.hpp"
#include "tests/support/process.hpp"
#include "tests/support/processed_job.hpp"
#include "tests/support/temp_folder.hpp"

using namespace kuvert::store;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kNow = 1796083200;  // 2026-12-01

kuvert::test::ProcessResult migrate(const fs::path& from, const std::string& to) {
  return kuvert::test::run_process({KUVERT_BINARY, "store", "migrate", "--from", from.string(), "--to", to});
}

// A store with what a centre's holds: jobs and their runs and pieces, a
// released run, a failed job, a user, and the audit trail of all of it.
void fill(Store& store, const kuvert::ServiceConfig& config, const fs::path& staging) {
  kuvert::test::processed_job(store, config, staging, "grundsteuer", 3, false, kNow);
  kuvert::test::processed_job(store, config, staging, "hundesteuer", 2, true, kNow + 60);
  kuvert::test::processed_job(store, config, staging, "kaputt", 1, false, kNow + 120,
                              [](const fs::path& folder) { std::ofstream(folder / "job.json") << "{ not json"; });
  add_user(store, "anna", Role::operator_, "anna's long password", kNow, "test");
  // A taking that never happened: its id is not given again.
  forget_input(store, begin_taking(store, "steuer", "weg", std::string(64, 'e'), "", kNow, "test:1:1").id);
  act_on_run(store, list_runs(store).back().id, RunAction::release, {"anna", Role::operator_}, kNow + 180);
}

}  // namespace

TEST_CASE("kuvert store migrate moves a SQLite store into PostgreSQL with its ids and audit chain",
          "[store][postgres]") {
  kuvert::test::TempFolder temp;
  const auto config = kuvert::test::test_service_config(temp.path());
  const kuvert::test::PostgresScratch database;
  std::vector<RunRecord> runs;
  std::vector<JobRecord> jobs;
  std::size_t trail = 0;
  std::int64_t last_input = 0;
  {
    Store sqlite({config.store});
    fill(sqlite, config, temp.path() / "staging");
    runs = list_runs(sqlite);
    jobs = list_jobs(sqlite);
    trail = read_audit(sqlite, {}).size();
    last_input = jobs.front().input;
  }
  const auto moved = migrate(config.store, database.url());
  INFO(moved.err);
  REQUIRE(moved.exit_code == 0);
  CHECK(moved.out.find("pieces     5 moved\n") != std::string::npos);
  CHECK(moved.out.find("users      1 moved\n") != std::string::npos);
  CHECK(moved.out.find("store moved; in kuvert.toml keep [store] folder") != std::string::npos);
  CHECK(moved.out.find(database.url()) == std::string::npos);  // a URL may hold a password
  CHECK_FALSE(fs::exists(config.store / "kuvert.db"));
  CHECK(fs::exists(config.store / kMovedDatabase));

  Store postgres({config.store, true, database.url()});
  CHECK(verify_audit(postgres).empty());
  CHECK(read_audit(postgres, {}).size() == trail);
  const auto moved_runs = list_runs(postgres);
  REQUIRE(moved_runs.size() == runs.size());
  for (std::size_t i = 0; i < runs.size(); ++i) {
    CHECK(moved_runs[i].id == runs[i].id);
    CHECK(kuvert::run_number(moved_runs[i].job, moved_runs[i].name) == kuvert::run_number(runs[i].job, runs[i].name));
    CHECK(moved_runs[i].state == runs[i].state);
    CHECK(moved_runs[i].file == runs[i].file);
    CHECK(tally_pieces(postgres, moved_runs[i].id).total == runs[i].pieces);
  }
  const auto moved_jobs = list_jobs(postgres);
  REQUIRE(moved_jobs.size() == jobs.size());
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    CHECK(moved_jobs[i].id == jobs[i].id);
    CHECK(moved_jobs[i].state == jobs[i].state);
    CHECK(moved_jobs[i].errors == jobs[i].errors);
  }
  CHECK(log_in(postgres, "anna", "anna's long password", kNow + 240).outcome == LoginOutcome::accepted);
  // New inputs are numbered on from the moved ones (and the one forgotten),
  // and the trail goes on.
  const auto next = begin_taking(postgres, "steuer", "neu", std::string(64, 'f'), "", kNow + 300, "test:1:1");
  CHECK(next.id == last_input + 2);
  set_input_state(postgres, next.id, InputState::taken, "", kNow + 300);
  CHECK(verify_audit(postgres).empty());

  // kuvert audit verify on the moved store, as the service's kuvert.toml names it.
  std::ofstream(temp.path() / "kuvert.toml")
      << "[store]\nfolder = \"" << config.store.string() << "\"\nurl = \"" << database.url() << "\"\n";
  const auto verified =
      kuvert::test::run_process({KUVERT_BINARY, "audit", "verify", "-c", (temp.path() / "kuvert.toml").string()});
  CHECK(verified.exit_code == 0);
  CHECK(verified.out == "audit trail intact\n");
}

TEST_CASE("kuvert store migrate moves nothing into a database that holds records, or from no store",
          "[store][postgres]") {
  kuvert::test::TempFolder temp;
  const auto config = kuvert::test::test_service_config(temp.path());
  const kuvert::test::PostgresScratch database;
  {
    // The database already serves a store.
    Store postgres({temp.path() / "other", true, database.url()});
    Store sqlite({config.store});
    fill(sqlite, config, temp.path() / "staging");
  }
  const auto refused = migrate(config.store, database.url());
  CHECK(refused.exit_code != 0);
  CHECK(refused.err.find("field \"audit\": holds records already; a store is moved into an empty database only") !=
        std::string::npos);
  CHECK(fs::exists(config.store / "kuvert.db"));  // the SQLite store is left as it was
  {
    Store postgres({temp.path() / "other", true, database.url()});
    CHECK(list_jobs(postgres).empty());
  }

  const auto nothing = migrate(temp.path() / "nirgends", database.url());
  CHECK(nothing.exit_code != 0);
  CHECK(nothing.err.find("holds no SQLite job store (kuvert.db) to move") != std::string::npos);
  CHECK_FALSE(fs::exists(temp.path() / "nirgends"));  // nothing made in its place
}

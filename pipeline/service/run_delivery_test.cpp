#include "pipeline/service/run_delivery.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "pipeline/model/concat.hpp"
#include "pipeline/store/audit_trail.hpp"
#include "pipeline/store/run_workflow.hpp"
#include "tests/support/file_text.hpp"
#include "tests/support/processed_job.hpp"
#include "tests/support/temp_folder.hpp"

TEST_CASE("A run's file name in the printer folder keeps only safe characters of the job name", "[service]") {
  kuvert::store::RunRecord run;
  run.job = 7;
  run.name = "R0002";
  run.job_name = "../../etc/Teil 1/2 Grundsteuer";
  CHECK(kuvert::service::delivered_name(run) == "J7-.._.._etc_Teil_1_2_Grundsteuer-R0002.pdf");
  run.job_name = "grundsteuer-2026.q1";
  CHECK(kuvert::service::delivered_name(run) == "J7-grundsteuer-2026.q1-R0002.pdf");
}

TEST_CASE("A run's file name in the printer folder fits a file system whatever the job's name", "[service]") {
  kuvert::store::RunRecord run;
  run.job = 7;
  run.name = "R0002";
  run.job_name = std::string(300, 'g');
  const std::string name = kuvert::service::delivered_name(run);
  CHECK(name == "J7-" + std::string(64, 'g') + "-R0002.pdf");
  CHECK(name.size() + std::string_view(". .part").size() < 255);
}

namespace {

using namespace kuvert::store;

constexpr std::int64_t kNow = 1796083200;  // 2026-12-01

// A store with one job of two letters produced, its one run released.
struct ReleasedRun {
  kuvert::test::TempFolder folder;
  const kuvert::ServiceConfig config = kuvert::test::test_service_config(folder.path());
  Store store{{config.store}};
  RunRecord run;
  ReleasedRun() {
    kuvert::test::processed_job(store, config, folder.path() / "staging", "job", 2, false, kNow);
    const auto runs = list_runs(store);
    REQUIRE(runs.size() == 1);
    run = runs.front();
    act_on_run(store, run.id, RunAction::release, {"anna", Role::operator_}, kNow);
  }
};

}  // namespace

TEST_CASE("A run that cannot reach its printer says why until it does", "[service]") {
  ReleasedRun released;
  const auto& [folder, config, store, run] = std::tie(released.folder, released.config, released.store, released.run);
  const std::int64_t now = kNow;
  // The printer's folder is a file: nothing can be copied into it.
  std::filesystem::create_directories(config.printers[0].folder.parent_path());
  std::ofstream(config.printers[0].folder) << "not a folder";
  std::vector<std::string> log;
  const auto keep = [&log](const std::string& line) { log.push_back(line); };
  CHECK(kuvert::service::deliver_ready_runs(store, config, now + 1, keep, kuvert::test::kTestWorker) == 0);
  CHECK(kuvert::service::deliver_ready_runs(store, config, now + 2, keep, kuvert::test::kTestWorker) == 0);
  const auto waiting = find_run(store, run.id);
  CHECK(waiting->state == RunState::released);
  CHECK(waiting->delivery_problem.find("cannot create in the printer folder: Not a directory") != std::string::npos);
  CHECK(log.size() == 1);  // said once, not at every try

  std::filesystem::remove(config.printers[0].folder);
  CHECK(kuvert::service::deliver_ready_runs(store, config, now + 3, keep, kuvert::test::kTestWorker) == 1);
  const auto delivered = find_run(store, run.id);
  CHECK(delivered->state == RunState::delivered);
  CHECK(delivered->delivery_problem.empty());

  // The inserter's control files went with the run file, nothing half-done.
  std::set<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(config.printers[0].folder))
    names.insert(entry.path().filename().string());
  const std::string prefix = "J" + std::to_string(run.job) + "-" + run.job_name + "-" + run.name;
  CHECK(names == std::set<std::string>{prefix + ".pdf", prefix + ".pieces.csv", prefix + ".sheets.csv"});
  const std::filesystem::path produced = std::filesystem::path(run.file).parent_path();
  CHECK(kuvert::test::read_file(config.printers[0].folder / (prefix + ".sheets.csv")) ==
        kuvert::test::read_file(produced / (run.name + ".sheets.csv")));
}

TEST_CASE("A run produced before control files existed is delivered with none", "[service]") {
  ReleasedRun released;
  // Its ticket as kuvert 0.2 wrote it: no control_files.
  const auto ticket_file = std::filesystem::path(released.run.file).replace_extension(".json");
  auto ticket = nlohmann::json::parse(std::ifstream(ticket_file));
  ticket.erase("control_files");
  std::ofstream(ticket_file, std::ios::trunc) << ticket.dump(2);
  CHECK(kuvert::service::deliver_ready_runs(
            released.store, released.config, kNow + 1, [](const std::string&) {}, kuvert::test::kTestWorker) == 1);
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(released.config.printers[0].folder)) {
    CHECK(entry.path().extension() == ".pdf");
    ++files;
  }
  CHECK(files == 1);
}

TEST_CASE("A run the printer lost is delivered again once, for a reason a person gave", "[service]") {
  ReleasedRun released;
  const auto& [folder, config, store, run] = std::tie(released.folder, released.config, released.store, released.run);
  const auto quiet = [](const std::string&) {};
  REQUIRE(kuvert::service::deliver_ready_runs(store, config, kNow + 1, quiet, kuvert::test::kTestWorker) == 1);
  const auto printed = config.printers[0].folder / kuvert::service::delivered_name(run);
  const std::string bytes = kuvert::test::read_file(printed);
  std::filesystem::remove(printed);  // the printer took it and lost it

  // Not without a reason, not by a viewer, not before it went to the printer.
  const Actor anna{"anna", Role::operator_};
  const auto refused = [&](std::int64_t id, const Actor& actor, const std::string& reason) {
    try {
      act_on_run(store, id, RunAction::redeliver, actor, kNow + 2, {.reason = reason});
    } catch (const RunRefused& refusal) {
      return refusal.code();
    }
    return std::string("accepted");
  };
  CHECK(refused(run.id, anna, " \n") == "reason_needed");
  CHECK(refused(run.id, {"vera", Role::viewer}, "verloren") == "role_needed");
  CHECK(kuvert::service::deliver_ready_runs(store, config, kNow + 3, quiet, kuvert::test::kTestWorker) == 0);
  CHECK_FALSE(std::filesystem::exists(printed));

  const auto asked = act_on_run(store, run.id, RunAction::redeliver, anna, kNow + 4,
                                {.reason = "Spooler des Druckers abgestürzt, Datei verloren"});
  CHECK(asked.state == RunState::delivered);  // it stays where it was
  CHECK(asked.redeliver == "Spooler des Druckers abgestürzt, Datei verloren");
  std::vector<std::string> log;
  CHECK(kuvert::service::deliver_ready_runs(
            store, config, kNow + 5, [&](const std::string& line) { log.push_back(line); },
            kuvert::test::kTestWorker) == 1);
  CHECK(kuvert::test::read_file(printed) == bytes);  // the same file, whole
  REQUIRE(log.size() == 1);
  CHECK(log[0].find("delivered again (Spooler des Druckers abgestürzt, Datei verloren) to drucker-1 as ") !=
        std::string::npos);
  CHECK(find_run(store, run.id)->redeliver.empty());
  CHECK(kuvert::service::deliver_ready_runs(store, config, kNow + 6, quiet, kuvert::test::kTestWorker) == 0);  // once

  // Who asked and why, and when the service made the copy.
  // The trail names the run as people say it: "run J1-R0001".
  const auto trail = read_audit(store, {.object = kuvert::concat("run J", std::to_string(run.job), "-", run.name)});
  REQUIRE(trail.size() >= 2);
  std::vector<std::string> actions;
  for (const auto& record : trail) actions.push_back(record.entry.action + ": " + record.entry.detail);
  CHECK(std::count(actions.begin(), actions.end(),
                   "redeliver: to drucker-1 again: Spooler des Druckers abgestürzt, Datei verloren") == 1);
  CHECK(std::count(actions.begin(), actions.end(), "redelivered: as " + kuvert::service::delivered_name(run)) == 1);

  // Asked for again, then marked printed before the service came to it:
  // the copy is not made.
  act_on_run(store, run.id, RunAction::redeliver, anna, kNow + 7, {.reason = "noch einmal"});
  act_on_run(store, run.id, RunAction::mark_printed, anna, kNow + 8);
  CHECK(find_run(store, run.id)->redeliver.empty());
  CHECK(kuvert::service::deliver_ready_runs(store, config, kNow + 9, quiet, kuvert::test::kTestWorker) == 0);
}

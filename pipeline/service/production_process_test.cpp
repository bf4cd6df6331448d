#include "pipeline/service/production_process.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <thread>

#include "pipeline/store/job_records.hpp"
#include "tests/support/file_text.hpp"
#include "tests/support/processed_job.hpp"
#include "tests/support/temp_folder.hpp"

namespace kuvert::service {
namespace {

namespace fs = std::filesystem;

// Runs a shell script as the production child.
ProductionExit run_script(const std::string& script, const JobLimits& limits = {},
                          const std::atomic<bool>& stopping = std::atomic<bool>{false}) {
  test::TempFolder folder;
  const fs::path report = folder.path() / "input-1.report";
  ProductionExit exit = run_production_process("/bin/sh", {"-c", script}, limits, report, stopping);
  CHECK_FALSE(fs::exists(report));
  return exit;
}

TEST_CASE("a production child that exits 0 has finished", "[service]") {
  CHECK(run_script("exit 0").kind == ProductionExit::Kind::finished);
}

TEST_CASE("a production child that refuses its input gives its problems", "[service]") {
  const auto exit = run_script("echo 'kuvert: job \"a\": field \"b\": wrong' >&2; echo other >&2; exit 1");
  CHECK(exit.kind == ProductionExit::Kind::refused);
  CHECK(exit.problems == std::vector<std::string>{"job \"a\": field \"b\": wrong"});
}

TEST_CASE("a production child that fails for the system is worth another try", "[service]") {
  const auto exit = run_script("echo 'kuvert: disk full' >&2; exit 3");
  CHECK(exit.kind == ProductionExit::Kind::failed);
  CHECK(exit.reason == "ended with exit status 3");
  CHECK(exit.problems == std::vector<std::string>{"disk full"});
}

TEST_CASE("a crashed production child poisons its input", "[service]") {
  const auto exit = run_script("kill -SEGV $$");
  CHECK(exit.kind == ProductionExit::Kind::poisoned);
  CHECK(exit.reason == "crashed (signal 11 (SIGSEGV, Segmentation fault))");
}

TEST_CASE("a production child out of memory poisons its input", "[service]") {
  JobLimits limits;
  limits.memory_mb = 512;
  const auto exit = run_script("exit 5", limits);
  CHECK(exit.kind == ProductionExit::Kind::poisoned);
  CHECK(exit.reason == "needed more memory than the limit of 512 MiB");
}

TEST_CASE("a production child is stopped at its wall time", "[service]") {
  JobLimits limits;
  limits.wall_seconds = 1;
  const auto started = std::chrono::steady_clock::now();
  const auto exit = run_script("sleep 60", limits);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(30));
  CHECK(exit.kind == ProductionExit::Kind::poisoned);
  CHECK(exit.reason == "took longer than the limit of 1 s and was stopped");
}

TEST_CASE("a production child is stopped at its CPU time", "[service]") {
  JobLimits limits;
  limits.cpu_seconds = 1;
  const auto exit = run_script("while :; do :; done", limits);
  CHECK(exit.kind == ProductionExit::Kind::poisoned);
  CHECK(exit.reason.find("used more than the limit of 1 s of CPU time and was stopped (signal ") == 0);
}

TEST_CASE("a production child runs with its limits and no core dumps", "[service]") {
  JobLimits limits;
  limits.memory_mb = 1024;
  const auto exit = run_script("echo \"kuvert: $(ulimit -v) $(ulimit -c) $(ulimit -t)\" >&2; exit 1", limits);
  CHECK(exit.problems == std::vector<std::string>{"1048576 0 3600"});
}

TEST_CASE("a production child ends when the service stops", "[service]") {
  std::atomic<bool> stopping{false};
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    stopping = true;
  });
  const auto exit = run_script("sleep 60", {}, stopping);
  stopper.join();
  CHECK(exit.kind == ProductionExit::Kind::stopped);
}

TEST_CASE("an input whose production crashes fails at once and goes to error/", "[service]") {
  test::TempFolder folder;
  ServiceConfig config = test::test_service_config(folder.path());
  const fs::path crashing = folder.path() / "crashing-kuvert";
  std::ofstream(crashing) << "#!/bin/sh\nkill -SEGV $$\n";
  fs::permissions(crashing, fs::perms::owner_all);
  config.program = crashing;
  store::Store store({config.store});
  const std::int64_t job = test::processed_job(store, config, folder.path() / "staging", "poison", 2, false, 1000);
  const auto record = store::find_job(store, job);
  REQUIRE(record);
  CHECK(record->state == store::JobState::failed);
  CHECK(record->errors == "[\"the job crashed (signal 11 (SIGSEGV, Segmentation fault))\"]");
  CHECK(test::read_file(folder.path() / "eingang/error/poison.error.txt") ==
        "poison: the job crashed (signal 11 (SIGSEGV, Segmentation fault))\n");
  CHECK(fs::exists(folder.path() / "eingang/error/poison/job.json"));
}

}  // namespace
}  // namespace kuvert::service

#include "pipeline/service/production_process.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <thread>

#include "pipeline/store/job_records.hpp"
#include "tests/support/file_text.hpp"
#include "tests/support/kuvert_job.hpp"
#include "tests/support/processed_job.hpp"
#include "tests/support/temp_folder.hpp"
#include "tools/sample_job/sample_job.hpp"

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

TEST_CASE("a production child is stopped at its wall time", "[service][slow]") {
  JobLimits limits;
  limits.wall_seconds = 1;
  const auto started = std::chrono::steady_clock::now();
  const auto exit = run_script("sleep 60", limits);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(30));
  CHECK(exit.kind == ProductionExit::Kind::poisoned);
  CHECK(exit.reason == "took longer than the limit of 1 s and was stopped");
}

TEST_CASE("a production child is stopped at its CPU time", "[service][slow]") {
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
  // It notes its stage where the service asked, as kuvert run does.
  std::ofstream(crashing) << "#!/bin/sh\n"
                             "while [ $# -gt 0 ]; do\n"
                             "  [ \"$1\" = --stage-file ] && printf 'reading the job and its files' > \"$2\"\n"
                             "  shift\n"
                             "done\n"
                             "kill -SEGV $$\n";
  fs::permissions(crashing, fs::perms::owner_all);
  config.program = crashing;
  store::Store store({config.store});
  const std::int64_t job = test::processed_job(store, config, folder.path() / "staging", "poison", 2, false, 1000);
  const auto record = store::find_job(store, job);
  REQUIRE(record);
  CHECK(record->state == store::JobState::failed);
  CHECK(record->errors ==
        "[\"the job crashed (signal 11 (SIGSEGV, Segmentation fault)) while reading the job and its files\"]");
  CHECK(test::read_file(folder.path() / "eingang/error/poison.error.txt") ==
        "poison: the job crashed (signal 11 (SIGSEGV, Segmentation fault)) while reading the job and its files\n");
  CHECK(fs::exists(folder.path() / "eingang/error/poison/job.json"));
}

}  // namespace
}  // namespace kuvert::service

namespace kuvert::service {
namespace {

TEST_CASE("a confined production child reads only what it was given and writes only its work folder", "[service]") {
  test::TempFolder folder;
  fs::create_directories(folder.path() / "input");
  fs::create_directories(folder.path() / "other-client");
  fs::create_directories(folder.path() / "work");
  std::ofstream(folder.path() / "input" / "spool.pdf") << "own";
  std::ofstream(folder.path() / "other-client" / "spool.pdf") << "theirs";
  std::vector<fs::path> readable = system_folders();
  readable.push_back(folder.path() / "input");
  const FileConfinement confinement(readable, {folder.path() / "work"});
  if (!confinement.available()) {
    WARN("no Landlock here: " + confinement.why());
    return;
  }
  const std::string script = "cd " + folder.path().string() +
                             " && echo \"kuvert: $(cat input/spool.pdf)\" >&2"
                             " && echo \"kuvert: $(cat other-client/spool.pdf 2>&1 | tail -c 18)\" >&2"
                             " && echo written > work/out && echo \"kuvert: $(cat work/out)\" >&2"
                             " && (echo no > input/out 2>/dev/null || echo 'kuvert: input stays as it is' >&2); exit 1";
  const std::atomic<bool> running{false};
  const auto exit = run_production_process("/bin/sh", {"-c", script}, {}, folder.path() / "report", running,
                                           {.confinement = &confinement, .temporary = folder.path() / "work"});
  CHECK(exit.problems == std::vector<std::string>{"own", "Permission denied", "written", "input stays as it is"});
}

TEST_CASE("a job folder whose print file was swapped for a link to another client's is not produced", "[service]") {
  test::TempFolder folder;
  ServiceConfig config = test::test_service_config(folder.path());
  if (!FileConfinement(system_folders(), {}).available()) {
    WARN("no Landlock here: the link would be followed");
    return;
  }
  // Another client's print file, somewhere the service can read (not in
  // /tmp, where children may write their temporary files).
  std::string pattern = "/var/tmp/kuvert-nachbarstadt-XXXXXX";
  REQUIRE(::mkdtemp(pattern.data()) != nullptr);
  const fs::path other = pattern;
  struct Removed {
    fs::path path;
    ~Removed() { fs::remove_all(path); }
  } removed{other};
  write_sample_job(other, test::plain_job(2, 1, "nachbarstadt"));
  store::Store store({config.store});
  const std::int64_t now = 1796083200;
  const std::int64_t job = test::processed_job(store, config, folder.path() / "staging", "swapped", 2, false, now,
                                               [&](const fs::path& place) {
                                                 fs::remove(place / "spool.pdf");
                                                 fs::create_symlink(other / "spool.pdf", place / "spool.pdf");
                                               });
  const auto record = store::find_job(store, job);
  REQUIRE(record);
  CHECK(record->state == store::JobState::failed);
  CHECK(record->errors.find("file \\\"spool.pdf\\\": field \\\"print_file\\\": cannot be read: permission denied") !=
        std::string::npos);
  CHECK(store::list_runs(store).empty());
}

}  // namespace
}  // namespace kuvert::service

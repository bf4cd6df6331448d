// How `kuvert run` treats its arguments: usage errors exit with 2 and
// produce nothing; an output folder is named however it is written.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "tests/support/kuvert_job.hpp"

namespace {

using kuvert::test::KuvertJob;
using kuvert::test::plain_job;
namespace fs = std::filesystem;

std::size_t entries_in(const fs::path& folder) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(folder), fs::directory_iterator()));
}

}  // namespace

TEST_CASE("an output folder written with a trailing slash is that folder", "[cli]") {
  KuvertJob job(plain_job(2, 1));
  const std::string output = job.output().string() + "/";
  const auto result = kuvert::test::run_process({KUVERT_BINARY, "run", job.folder().string(), "-o", output,
                                                 "--layouts", (kuvert::test::source_dir() / "layouts").string()});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(fs::exists(job.output() / "R0001.pdf"));
  CHECK(fs::exists(job.output() / "summary.json"));
  CHECK(entries_in(job.output().parent_path()) == 2);  // job/ and out/, nothing left behind
}

TEST_CASE("a maximum of zero sheets per run is a usage error", "[cli]") {
  KuvertJob job(plain_job(2, 1));
  const auto result = job.run({"--max-sheets", "0"});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("--max-sheets") != std::string::npos);
  CHECK_FALSE(fs::exists(job.output()));
}

TEST_CASE("an unknown option is a usage error", "[cli]") {
  KuvertJob job(plain_job(2, 1));
  const auto result = job.run({"--colour", "red"});
  CHECK(result.exit_code == 2);
  CHECK_FALSE(fs::exists(job.output()));
}

TEST_CASE("the working folder of a killed run is cleared by the next run", "[cli]") {
  KuvertJob job(plain_job(2, 1));
  // What a run killed with SIGKILL leaves: its hidden working folder, whose
  // lock went with the process.
  const auto parent = job.output().parent_path();
  const auto abandoned = parent / ".out.partial-999999999";
  fs::create_directories(abandoned);
  std::ofstream(abandoned / "R0001.pdf") << "%PDF-1.7 half written";
  const auto result = job.run();
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK_FALSE(fs::exists(abandoned));
  CHECK(entries_in(parent) == 2);  // job/ and out/
}

TEST_CASE("the working folder of a run still going is left alone", "[cli]") {
  KuvertJob job(plain_job(2, 1));
  const auto parent = job.output().parent_path();
  const auto busy = parent / ".out.partial-4242";
  fs::create_directories(busy);
  // The lock a live run holds, here held by this test.
  const int lock = ::open((busy.string() + ".lock").c_str(), O_RDWR | O_CREAT, 0600);
  REQUIRE(lock >= 0);
  REQUIRE(::flock(lock, LOCK_EX) == 0);
  const auto result = job.run();
  ::close(lock);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK(fs::exists(busy));
}

TEST_CASE("a run for the service notes the stage of its job in the file it was given", "[cli]") {
  KuvertJob job(plain_job(2, 1));
  const auto stage = job.output().parent_path() / "stage";
  const auto result = job.run({"--stage-file", stage.string()});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  std::ifstream in(stage);
  const std::string last((std::istreambuf_iterator<char>(in)), {});
  CHECK(last == "imposing and writing the runs");
}

TEST_CASE("an unknown command names the word and the command it likely meant", "[cli]") {
  const auto run = kuvert::test::run_process({KUVERT_BINARY, "rn", "job"});
  CHECK(run.exit_code == 2);
  CHECK(run.err == "kuvert: unknown command \"rn\" (did you mean \"run\"?); see kuvert --help\n");
  const auto users = kuvert::test::run_process({KUVERT_BINARY, "users", "lst"});
  CHECK(users.exit_code == 2);
  CHECK(users.err == "kuvert: unknown command \"users lst\" (did you mean \"users list\"?); see kuvert users --help\n");
  const auto user = kuvert::test::run_process({KUVERT_BINARY, "user", "list"});
  CHECK(user.err == "kuvert: unknown command \"user\" (did you mean \"users\"?); see kuvert --help\n");
  const auto none = kuvert::test::run_process({KUVERT_BINARY, "runs"});
  CHECK(none.exit_code == 2);
  CHECK(none.err.rfind("kuvert: \"kuvert runs\" needs a command: list, show, release", 0) == 0);
  const auto version = kuvert::test::run_process({KUVERT_BINARY, "--version"});
  CHECK(version.exit_code == 0);
  CHECK(version.out.rfind("kuvert ", 0) == 0);
}

TEST_CASE("a date that does not exist is a usage error naming its option", "[cli]") {
  KuvertJob job(plain_job(2, 1));
  const auto run_on = [&job](const std::string& date) {
    return kuvert::test::run_process(
        {KUVERT_BINARY, "run", job.folder().string(), "-o", job.output().string(), "--date", date});
  };
  const auto result = run_on("2026-13-01");
  CHECK(result.exit_code == 2);
  CHECK(result.err ==
        "kuvert: option --date: \"2026-13-01\" is not a date (expected YYYY-MM-DD, a day that exists)\n");
  CHECK(run_on("2026-02-30").exit_code == 2);
  CHECK_FALSE(fs::exists(job.output()));
  const auto audit = kuvert::test::run_process({KUVERT_BINARY, "audit", "list", "--from", "yesterday"});
  CHECK(audit.exit_code == 2);
  CHECK(audit.err == "kuvert: option --from: \"yesterday\" is not a date or time (expected YYYY-MM-DD or "
                     "YYYY-MM-DDTHH:MM:SSZ)\n");
}

TEST_CASE("a job for another client than its inbox takes is refused before anything is produced", "[cli]") {
  KuvertJob job(plain_job(2, 1));
  const auto result = job.run({"--inbox", "steuer", "--inbox-client", "nachbarstadt"});
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("field \"client\": the job is for client \"musterstadt\", but inbox \"steuer\" takes jobs "
                        "of \"nachbarstadt\" only") != std::string::npos);
  CHECK_FALSE(fs::exists(job.output()));
  CHECK(entries_in(job.output().parent_path()) == 1);  // nothing begun beside it either
  CHECK(job.run({"--inbox", "steuer", "--inbox-client", "musterstadt"}).exit_code == 0);
}

TEST_CASE("a job key that is not eight hex digits is a usage error naming its option", "[cli]") {
  KuvertJob job(plain_job(2, 1));
  const auto result = job.run({"--job-key", "12ab"});
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("option --job-key: \"12ab\" is not eight hex digits (0-9, A-F)") != std::string::npos);
  CHECK_FALSE(fs::exists(job.output()));
  CHECK(job.run({"--job-key", "0000002A"}).exit_code == 0);
}

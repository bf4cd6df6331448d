// kuvert users, runs and audit from the command line, on a real store.
#include <catch2/catch.hpp>
#include <fstream>

#include "pipeline/store/audit_trail.hpp"
#include "pipeline/store/job_records.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_folder.hpp"

using namespace kuvert::store;
using kuvert::test::run_process;

namespace {

class ServiceFolder {
 public:
  ServiceFolder() { std::ofstream(config()) << "[store]\nfolder = \"store\"\n"; }
  std::string config() const { return (temp_.path() / "kuvert.toml").string(); }
  std::filesystem::path store() const { return temp_.path() / "store"; }

  kuvert::test::ProcessResult kuvert(std::vector<std::string> args, const std::string& input = {}) const {
    args.insert(args.begin(), KUVERT_BINARY);
    args.insert(args.end(), {"--config", config()});
    return run_process(args, input);
  }

 private:
  kuvert::test::TempFolder temp_;
};

// One finished job with a sensitive run, as the service would record it.
std::int64_t sensitive_run(const std::filesystem::path& folder) {
  Store store({folder});
  const auto taking = begin_taking(store, "steuer", "job-1", std::string(64, 'c'), "inputs/1", 1795000000);
  const auto job = start_job(store, taking.id, JobKind::job, "steuer", "job-1", "nachbarstadt", "/srv/1", 1795000000);
  finish_job(store, job, {"bezuege-2026-11", 2, 4, 2, {{"R0001", "R0001.pdf", 2, 2, 4, true}}}, "drucker-1",
             1795000000);
  return runs_of_job(store, job).front().id;
}

}  // namespace

TEST_CASE("Users are added from standard input and act on runs with their password", "[service][slow]") {
  ServiceFolder service;
  REQUIRE(service.kuvert({"users", "add", "anna", "--role", "operator"}, "anna's long password\n").exit_code == 0);
  REQUIRE(service.kuvert({"users", "add", "bernd", "--role", "supervisor"}, "bernd's long password\n").exit_code == 0);
  REQUIRE(service.kuvert({"users", "add", "clara", "--role", "supervisor"}, "clara's long password\n").exit_code == 0);
  const auto users = service.kuvert({"users", "list"});
  CHECK(users.out.find("anna                 operator") != std::string::npos);
  CHECK(users.out.find("bernd                supervisor") != std::string::npos);
  CHECK(service.kuvert({"users", "unlock", "anna"}).out == "user anna may log in again\n");

  const auto run = std::to_string(sensitive_run(service.store()));
  auto wrong = service.kuvert({"runs", "release", run, "--user", "anna"}, "not her password\n");
  CHECK(wrong.exit_code == 1);
  CHECK(wrong.err == "kuvert: record \"user anna\": wrong user name or password\n");

  CHECK(service.kuvert({"runs", "release", run, "--user", "bernd"}, "bernd's long password\n").out ==
        "run " + run + " is released\n");
  auto own = service.kuvert({"runs", "confirm", run, "--user", "bernd"}, "bernd's long password\n");
  CHECK(own.exit_code == 1);
  CHECK(own.err == "kuvert: record \"run " + run +
                       "\": four eyes: bernd released this run, a different supervisor must confirm it\n");
  auto by_operator = service.kuvert({"runs", "confirm", run, "--user", "anna"}, "anna's long password\n");
  CHECK(by_operator.err ==
        "kuvert: record \"run " + run + "\": \"confirm\" needs the supervisor role; anna is operator\n");
  CHECK(service.kuvert({"runs", "confirm", run, "--user", "clara"}, "clara's long password\n").exit_code == 0);

  const auto shown = service.kuvert({"runs", "show", run});
  CHECK(shown.out.find("state       confirmed") != std::string::npos);
  CHECK(shown.out.find("released by bernd") != std::string::npos);
  CHECK(shown.out.find("confirmed by clara") != std::string::npos);
  CHECK(service.kuvert({"runs", "list", "--state", "confirmed"}).out.find("bezuege-2026-11") != std::string::npos);
  CHECK(service.kuvert({"runs", "list", "--state", "awaiting_release"}).out.find("bezuege") == std::string::npos);

  const auto audit = service.kuvert({"audit", "list", "--object", "run " + run});
  CHECK(audit.out.find("confirm refused") != std::string::npos);
  CHECK(audit.out.find("released -> confirmed") != std::string::npos);
  CHECK(service.kuvert({"audit", "list", "--action", "login failed"}).out.find("wrong password") != std::string::npos);
  CHECK(service.kuvert({"audit", "verify"}).out == "audit trail intact\n");

  // A leaver goes, a user gets another role.
  CHECK(service.kuvert({"users", "role", "anna", "supervisor"}).out == "user anna is supervisor now\n");
  CHECK(service.kuvert({"users", "remove", "clara"}).out == "user clara removed\n");
  const auto after = service.kuvert({"users", "list"}).out;
  CHECK(after.find("anna                 supervisor") != std::string::npos);
  CHECK(after.find("clara") == std::string::npos);
  CHECK(service.kuvert({"runs", "hold", run, "--user", "clara"}, "clara's long password\n").err ==
        "kuvert: record \"user clara\": wrong user name or password\n");
  CHECK(service.kuvert({"users", "remove", "clara"}).err ==
        "kuvert: record \"user clara\": field \"name\": no such user\n");
  CHECK(service.kuvert({"audit", "list", "--action", "user removed"}).out.find("user clara") != std::string::npos);
}

TEST_CASE("kuvert audit verify fails on a tampered store", "[service]") {
  ServiceFolder service;
  REQUIRE(service.kuvert({"users", "add", "anna"}, "anna's long password\n").exit_code == 0);
  REQUIRE(service.kuvert({"users", "add", "bernd"}, "bernd's long password\n").exit_code == 0);
  {
    Store store({service.store()});
    store.db().execute("DROP TRIGGER audit_no_update; UPDATE audit SET detail = 'role admin' WHERE seq = 1");
  }
  const auto verify = service.kuvert({"audit", "verify"});
  CHECK(verify.exit_code == 1);
  CHECK(verify.err == "kuvert: audit record 1: was changed after it was written\n");
}

TEST_CASE("Bad store command input is named", "[service]") {
  ServiceFolder service;
  CHECK(service.kuvert({"users", "add", "anna", "--role", "root"}, "anna's long password\n").err ==
        "kuvert: option --role: expected viewer, operator, supervisor or admin\n");
  CHECK(service.kuvert({"users", "add", "anna"}, "short\n").err ==
        "kuvert: record \"user anna\": field \"password\": expected 10 to 1024 characters\n");
  CHECK(service.kuvert({"users", "passwd", "nobody"}, "a long password\n").err ==
        "kuvert: record \"user nobody\": field \"name\": no such user\n");
  CHECK(service.kuvert({"users", "unlock", "nobody"}).err ==
        "kuvert: record \"user nobody\": field \"name\": no such user\n");
  CHECK(service.kuvert({"runs", "show", "7"}).err == "kuvert: record \"run 7\": no such run\n");
  CHECK(service.kuvert({"runs", "list", "--state", "lost"}).err ==
        "kuvert: option --state: no such run state: lost\n");
  const auto missing = run_process({KUVERT_BINARY, "runs", "list", "--config", "/nonexistent/kuvert.toml"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err ==
        "kuvert: file \"/nonexistent/kuvert.toml\": is missing: name the service configuration with --config\n");
}

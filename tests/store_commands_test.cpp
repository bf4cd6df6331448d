// kuvert users, runs and audit from the command line, on a real store.
#include <catch2/catch.hpp>
#include <fstream>

#include "pipeline/model/insert_status.hpp"
#include "pipeline/store/audit_trail.hpp"
#include "pipeline/store/job_records.hpp"
#include "pipeline/store/piece_records.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_folder.hpp"

using namespace kuvert::store;
using kuvert::test::run_process;

namespace {

class ServiceFolder {
 public:
  // `more`: further tables of kuvert.toml, such as printers.
  explicit ServiceFolder(const std::string& more = {}) {
    std::ofstream(config()) << "[store]\nfolder = \"store\"\n" << more;
  }
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
  const auto taking = begin_taking(store, "steuer", "job-1", std::string(64, 'c'), "inputs/1", 1795000000, "test:1:1");
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
  // The console speaks German unless a user's language is set otherwise.
  CHECK(users.out.find("operator   de  ") != std::string::npos);
  CHECK(service.kuvert({"users", "language", "anna", "en"}).out == "the console speaks English to anna now\n");
  CHECK(service.kuvert({"users", "list"}).out.find("anna                 operator   en  ") != std::string::npos);
  const auto french = service.kuvert({"users", "language", "anna", "fr"});
  CHECK(french.exit_code != 0);
  CHECK(french.err == "kuvert: record \"user anna\": field \"language\": expected de or en\n");

  // Runs go by their number, as operators say them: run R0001 of job 1.
  const auto id = sensitive_run(service.store());
  const std::string run = "J1-R0001";
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
  CHECK(shown.out.starts_with("run J1-R0001: bezuege-2026-11 (client nachbarstadt, id " + std::to_string(id) + ")\n"));
  CHECK(service.kuvert({"runs", "show", "j1-r0001"}).out == shown.out);
  CHECK(service.kuvert({"runs", "show", std::to_string(id)}).out == shown.out);  // the store's id, for scripts
  CHECK(shown.out.find("state       confirmed") != std::string::npos);
  CHECK(shown.out.find("released by bernd") != std::string::npos);
  CHECK(shown.out.find("confirmed by clara") != std::string::npos);
  CHECK(service.kuvert({"runs", "list", "--state", "confirmed"})
            .out.find("J1-R0001      confirmed          bezuege-2026-11") != std::string::npos);
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
  CHECK(service.kuvert({"runs", "show", "7"}).err == "kuvert: record \"run 7\": no run has the id 7\n");
  CHECK(service.kuvert({"runs", "show", "J7-R0001"}).err == "kuvert: record \"run J7-R0001\": no such run\n");
  for (const char* wrong : {"R0001", "J1", "run 1", "-3", "J01-R0001"})
    CHECK(service.kuvert({"runs", "show", wrong}).err ==
          std::string("kuvert: record \"run ") + wrong +
              "\": expected a run such as J12-R0001 (run R0001 of job 12), or a run's id\n");
  CHECK(service.kuvert({"runs", "list", "--state", "lost"}).err == "kuvert: option --state: no such run state: lost\n");
  const auto missing = run_process({KUVERT_BINARY, "runs", "list", "--config", "/nonexistent/kuvert.toml"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err ==
        "kuvert: file \"/nonexistent/kuvert.toml\": is missing: name the service configuration with --config\n");
}

namespace {

// A finished job of two runs whose pieces the store knows, as the service
// records them from R.csv: R0001 with three pieces, delivered; R0002 with
// one, awaiting release.
std::pair<std::int64_t, std::int64_t> runs_with_pieces(const std::filesystem::path& folder) {
  Store store({folder});
  const auto taking = begin_taking(store, "steuer", "job-2", std::string(64, 'd'), "inputs/2", 1795000000, "test:1:1");
  const auto job = start_job(store, taking.id, JobKind::job, "steuer", "job-2", "musterstadt", "/srv/2", 1795000000);
  JobResult result{"grundsteuer-2027", 4, 4, 4, {}};
  result.runs.push_back({"R0001",
                         "R0001.pdf",
                         3,
                         3,
                         6,
                         false,
                         {{"0000002A-R0001-000001", 1, 1, "K-1"},
                          {"0000002A-R0001-000002", 2, 1, "K-2"},
                          {"0000002A-R0001-000003", 3, 1, "K-3 K-4"}}});
  result.runs.push_back({"R0002", "R0002.pdf", 1, 2, 4, false, {{"0000002A-R0002-000001", 1, 2, "K-5"}}});
  finish_job(store, job, result, "drucker-1", 1795000000);
  const auto runs = runs_of_job(store, job);
  act_on_run(store, runs[0].id, RunAction::release, {"anna", Role::operator_}, 1795000000);
  act_on_run(store, runs[0].id, RunAction::deliver, {"kuvert", Role::viewer, true}, 1795000000);
  return {runs[0].id, runs[1].id};
}

}  // namespace

TEST_CASE("An inserter's results file is applied to its run whole, or not at all", "[service][slow]") {
  ServiceFolder service;
  const auto [first, second] = runs_with_pieces(service.store());
  const auto file = service.store().parent_path() / "R0001.results.csv";
  const auto status_of = [&](const std::string& piece) {
    Store store({service.store()});
    const auto found = kuvert::store::find_piece(store, piece);
    return found && found->status ? std::string(kuvert::name(*found->status)) : std::string("not set");
  };

  // An unknown piece and one of another run: refused, line by line, and nothing changes.
  std::ofstream(file) << "piece,status\n0000002A-R0001-000001,ok\n0000002A-R0009-000001,ok\n"
                         "0000002A-R0002-000001,damaged\n";
  const auto refused = service.kuvert({"runs", "results", std::to_string(first), file.string()});
  CHECK(refused.exit_code == 1);
  CHECK(refused.err ==
        "kuvert: file \"R0001.results.csv\": record \"line 3\": field \"piece\": \"0000002A-R0009-000001\" is no "
        "piece kuvert made\n"
        "kuvert: file \"R0001.results.csv\": record \"line 4\": field \"piece\": \"0000002A-R0002-000001\" is a piece "
        "of another run, not of J1-grundsteuer-2027-R0001\n");
  // A run column must name the run as its file does.
  std::ofstream(file, std::ios::trunc) << "run,piece,status\nJ1-grundsteuer-2027-R0002,0000002A-R0001-000001,ok\n";
  CHECK(
      service.kuvert({"runs", "results", std::to_string(first), file.string()}).err ==
      "kuvert: file \"R0001.results.csv\": record \"line 2\": field \"run\": names run \"J1-grundsteuer-2027-R0002\", "
      "but the file is applied to run J1-grundsteuer-2027-R0001\n");
  // A run not yet delivered takes no results.
  std::ofstream(file, std::ios::trunc) << "piece,status\n0000002A-R0002-000001,ok\n";
  CHECK(service.kuvert({"runs", "results", std::to_string(second), file.string()}).err ==
        "kuvert: file \"R0001.results.csv\": run J1-grundsteuer-2027-R0002 is awaiting_release: results are taken "
        "from its delivery until it is reconciled\n");
  CHECK(status_of("0000002A-R0001-000001") == "not set");

  // Events in order: a later one replaces an earlier, but a duplicate stands.
  std::ofstream(file, std::ios::trunc)
      << "piece,status,time,station,note,run\n"
         "0000002A-R0001-000001,damaged,2026-12-02T08:30:00Z,3,torn,J1-grundsteuer-2027-R0001\n"
         "0000002A-R0001-000001,ok,2026-12-02T08:41:00Z,3,,J1-grundsteuer-2027-R0001\n"
         "0000002A-R0001-000002,duplicate,,2,seen twice,J1-grundsteuer-2027-R0001\n"
         "0000002A-R0001-000002,ok,,2,,J1-grundsteuer-2027-R0001.pdf\n";
  REQUIRE(first > 0);
  const auto applied = service.kuvert({"runs", "results", "J1-R0001", file.string()});
  INFO(applied.err);
  CHECK(applied.exit_code == 0);
  CHECK(applied.out == "run J1-R0001: 4 results applied; duplicate 1, not set 1, ok 1\n");
  CHECK(status_of("0000002A-R0001-000001") == "ok");
  CHECK(status_of("0000002A-R0001-000002") == "duplicate");

  // A reprint list: the pieces listed are damaged, the run's others ok.
  const auto list = service.store().parent_path() / "reprint.txt";
  std::ofstream(list) << "0000002A-R0001-000003\n";
  CHECK(service.kuvert({"runs", "results", "J1-R0001", list.string()}).exit_code == 0);
  CHECK(status_of("0000002A-R0001-000003") == "damaged");
  CHECK(status_of("0000002A-R0001-000002") == "duplicate");
  CHECK(status_of("0000002A-R0002-000001") == "not set");  // another run's piece is left alone
  CHECK(service.kuvert({"runs", "show", "J1-R0001"}).out.find("  inserted    damaged 1, duplicate 1, ok 1\n") !=
        std::string::npos);
  Store store({service.store()});
  AuditFilter filter;
  filter.action = "results applied";
  const auto trail = read_audit(store, filter);
  REQUIRE(trail.size() == 2);
  CHECK(trail[0].entry.object == "run J1-R0001");
  CHECK(trail[0].entry.detail == "reprint.txt: 1 events, 0 others ok");
}

TEST_CASE("An operator reconciles a run, and a piece seen twice waits for a supervisor's finding", "[service][slow]") {
  ServiceFolder service;
  REQUIRE(service.kuvert({"users", "add", "anna", "--role", "operator"}, "anna's long password\n").exit_code == 0);
  REQUIRE(service.kuvert({"users", "add", "bernd", "--role", "supervisor"}, "bernd's long password\n").exit_code == 0);
  const auto [first, second] = runs_with_pieces(service.store());
  REQUIRE(first > 0);
  const std::string run = "J1-R0001";
  const auto as = [&](const std::string& user, std::vector<std::string> args) {
    args.insert(args.end(), {"--user", user});
    return service.kuvert(args, user + "'s long password\n");
  };
  const auto file = service.store().parent_path() / "J1-grundsteuer-2027-R0001.results.csv";
  std::ofstream(file) << "piece,status\n0000002A-R0001-000001,ok\n0000002A-R0001-000002,duplicate\n";
  REQUIRE(service.kuvert({"runs", "results", run, file.string()}).exit_code == 0);

  // Not every piece has a status; a duplicate is not the operator's; a pull needs a reason.
  auto refused = as("anna", {"runs", "reconcile", run});
  CHECK(refused.err == "kuvert: record \"run " + run + "\": 1 piece has no insert status yet\n");
  refused = as("anna", {"runs", "reconcile", run, "--set", "0000002A-R0001-000002=ok", "--rest", "pull"});
  CHECK(refused.err == "kuvert: record \"run " + run +
                           "\": field \"piece 0000002A-R0001-000002\": was seen twice: only a supervisor "
                           "decides it, clearing the run's attention with a finding\n"
                           "kuvert: record \"run " +
                           run + "\": a pulled piece needs a reason\n");
  CHECK(as("anna", {"runs", "reconcile", run, "--set", "0000002A-R0002-000001=ok"}).err ==
        "kuvert: record \"run " + run + "\": field \"piece 0000002A-R0002-000001\": is no piece of this run\n");
  CHECK(as("anna", {"runs", "reconcile", run, "--rest", "later"}).err ==
        "kuvert: option --rest: \"later\" is not one of ok, reprint, pull, hand-mail\n");

  // The rest reprinted: a piece seen twice puts the run in attention.
  const auto attention = as("anna", {"runs", "reconcile", run, "--rest", "reprint"});
  CHECK(attention.out ==
        "run " + run +
            " is in attention: 1 piece was seen twice: a letter may be in a wrong envelope; 1 of 3 "
            "pieces to reprint (33.33 %), more than the printer's 2 %; damaged 1, duplicate 1, ok 1\n");
  CHECK(as("anna", {"runs", "close", run}).exit_code == 1);
  const auto shown = service.kuvert({"runs", "show", run}).out;
  CHECK(shown.find("  attention   1 piece was seen twice") != std::string::npos);
  // The pieces to decide, the one seen twice first.
  CHECK(shown.find("  piece       0000002A-R0001-000002 duplicate\n"
                   "  piece       0000002A-R0001-000003 damaged: set by anna\n") != std::string::npos);
  CHECK(as("anna", {"runs", "clear", run, "--finding", "looked"}).err ==
        "kuvert: record \"run " + run + "\": \"clear\" needs the supervisor role; anna is operator\n");
  CHECK(as("bernd", {"runs", "clear", run, "--finding", " ", "--set", "0000002A-R0001-000002=ok"}).err ==
        "kuvert: record \"run " + run +
            "\": clearing a run in attention needs a finding: what was checked and what was found\n");
  {
    Store store({service.store()});
    CHECK(find_piece(store, "0000002A-R0001-000002")->status == kuvert::InsertStatus::duplicate);
  }
  const auto cleared = as("bernd", {"runs", "clear", run, "--set", "0000002A-R0001-000002=ok", "--finding",
                                    "Tray 3 opened: piece 2 alone in its envelope, double read by the camera"});
  CHECK(cleared.out == "run " + run + " is reconciled; damaged 1, ok 2\n");
  // Its damaged piece is to be reprinted first (the service does it).
  CHECK(as("anna", {"runs", "posted", run}).exit_code == 0);
  CHECK(as("anna", {"runs", "close", run}).err ==
        "kuvert: record \"run " + run + "\": its failed pieces are not yet reprinted and reconciled\n");

  Store store({service.store()});
  const auto clear = read_audit(store, {.action = "clear"});
  REQUIRE(clear.size() == 1);
  CHECK(clear[0].entry.user == "bernd");
  CHECK(clear[0].entry.detail ==
        "attention -> reconciled: finding: Tray 3 opened: piece 2 alone in its envelope, double read by the camera");
  const auto set = read_audit(store, {.action = "pieces set"});
  REQUIRE(set.size() == 2);
  CHECK(set[0].entry.detail == "0000002A-R0001-000002 ok");
  CHECK(set[1].entry.detail == "1 others reprint");
  CHECK(find_piece(store, "0000002A-R0001-000003")->note == "set by anna");
  CHECK(verify_audit(store).empty());
}

TEST_CASE("A printer reconciles automatically, its unreported pieces given its default", "[service][slow]") {
  ServiceFolder service(R"(
[[printer]]
name = "drucker-1"
folder = "drucker"
unreported = "missing"
auto_reconcile = true
max_reprint_percent = 40
)");
  const auto [first, second] = runs_with_pieces(service.store());
  REQUIRE(first > 0);
  const std::string run = "J1-R0001";
  const auto file = service.store().parent_path() / "J1-grundsteuer-2027-R0001.results.csv";
  // Two of three seen: the third is missing, 33 % to reprint, under 40 %.
  std::ofstream(file) << "piece,status\n0000002A-R0001-000001,ok\n0000002A-R0001-000002,ok\n";
  CHECK(service.kuvert({"runs", "results", run, file.string()}).out ==
        "run " + run + ": 2 results applied; missing 1, ok 2\n");
  CHECK(service.kuvert({"runs", "show", run}).out.find("state       reconciled") != std::string::npos);
  Store store({service.store()});
  CHECK(read_audit(store, {.action = "results applied"}).front().entry.detail ==
        "J1-grundsteuer-2027-R0001.results.csv: 2 events, 1 others missing");
  const auto reconciled = read_audit(store, {.action = "reconcile"});
  REQUIRE(reconciled.size() == 1);
  CHECK(reconciled[0].entry.user == "kuvert");
  // Posted, on the day the operator names (or today); a day that is none is refused.
  REQUIRE(service.kuvert({"users", "add", "anna", "--role", "operator"}, "anna's long password\n").exit_code == 0);
  CHECK(
      service.kuvert({"runs", "posted", run, "--user", "anna", "--date", "2026-12-32"}, "anna's long password\n").err ==
      "kuvert: record \"run " + run + "\": posting needs the day the run went to the postal service (YYYY-MM-DD)\n");
  CHECK(
      service.kuvert({"runs", "posted", run, "--user", "anna", "--date", "2026-12-01"}, "anna's long password\n").out ==
      "run " + run + " is posted\n");
  CHECK(service.kuvert({"runs", "show", run}).out.find("  posted on   2026-12-01\n") != std::string::npos);
  CHECK(read_audit(store, {.action = "posted"}).front().entry.detail == "reconciled -> posted on 2026-12-01");
  // A run reconciled takes no more results.
  CHECK(service.kuvert({"runs", "results", run, file.string()}).err ==
        "kuvert: file \"J1-grundsteuer-2027-R0001.results.csv\": run J1-grundsteuer-2027-R0001 is posted: results "
        "are taken from its delivery until it is reconciled\n");
}

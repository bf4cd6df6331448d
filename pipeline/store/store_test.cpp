#include "pipeline/store/store.hpp"

#include <sys/stat.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <mutex>
#include <thread>

#include "pipeline/model/concat.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/store/audit_trail.hpp"
#include "pipeline/store/job_records.hpp"
#include "pipeline/store/store_schema.hpp"
#include "pipeline/store/user_accounts.hpp"
#include "tests/support/store_under_test.hpp"
#include "tests/support/temp_folder.hpp"

using namespace kuvert::store;
using kuvert::test::StoreKind;

namespace {

constexpr std::int64_t kNow = 1795000000;  // 2026-11-18

// A job with one ordinary and one sensitive run, as the service records it.
std::int64_t finished_job(Store& store) {
  const auto taking = begin_taking(store, "steuer", "job-1", std::string(64, 'a'), "inputs/1/job-1", kNow, "test:1:1");
  set_input_state(store, taking.id, InputState::taken, "", kNow);
  const auto job = start_job(store, taking.id, JobKind::job, "steuer", "job-1", "musterstadt", "/srv/jobs/1", kNow);
  JobResult result{
      "grundsteuer-2026", 3, 6, 3, {{"R0001", "R0001.pdf", 2, 4, 4, false}, {"R0002", "R0002.pdf", 1, 2, 2, true}}};
  finish_job(store, job, result, "oce-1", kNow);
  return job;
}

std::string refusal(Store& store, std::int64_t run, RunAction action, const Actor& actor) {
  try {
    act_on_run(store, run, action, actor, kNow);
  } catch (const kuvert::Error& error) {
    return error.problems().front().message;
  }
  return "accepted";
}

}  // namespace

TEST_CASE("A new store has the newest schema, WAL journaling and a private audit key", "[store]") {
  kuvert::test::TempFolder temp;
  Store store({temp.path() / "store"});
  Statement version(store.db(), "PRAGMA user_version");
  REQUIRE(version.step());
  CHECK(version.integer(0) == schema_version(store.db()));
  Statement journal(store.db(), "PRAGMA journal_mode");
  REQUIRE(journal.step());
  CHECK(journal.text(0) == "wal");
  struct stat key {};
  REQUIRE(::stat((temp.path() / "store/audit.key").c_str(), &key) == 0);
  CHECK((key.st_mode & 0777) == 0600);
  CHECK(key.st_size == 32);
  // Opening again keeps the key and the schema.
  const AuditKey first = store.audit_key();
  Store again({temp.path() / "store"});
  CHECK(again.audit_key() == first);
}

TEST_CASE("A lost audit key is not silently replaced", "[store][postgres]") {
  kuvert::test::TempFolder temp;
  const kuvert::test::StoreUnderTest under(GENERATE(StoreKind::sqlite, StoreKind::postgresql), temp.path());
  { Store store(under.options()); }
  std::filesystem::remove(temp.path() / "audit.key");
  CHECK_THROWS_WITH(Store(under.options()),
                    Catch::Contains("the audit key is missing, but the audit trail has records sealed with it; restore "
                                    "audit.key from the backup of this store"));
}

TEST_CASE("A store of a newer schema is refused", "[store][postgres]") {
  kuvert::test::TempFolder temp;
  const kuvert::test::StoreUnderTest under(GENERATE(StoreKind::sqlite, StoreKind::postgresql), temp.path());
  {
    Store store(under.options());
    store.db().execute(store.db().dialect() == Dialect::sqlite ? "PRAGMA user_version=99"
                                                               : "UPDATE kuvert_schema SET version = 99");
  }
  try {
    Store store(under.options());
    FAIL("opened");
  } catch (const kuvert::Error& error) {
    CHECK(error.kind() == kuvert::ErrorKind::system);
    CHECK(std::string(error.what()).find("schema version 99, newer than this kuvert's") != std::string::npos);
  }
}

TEST_CASE("The audit chain finds a changed, a deleted and a last deleted record", "[store][postgres]") {
  kuvert::test::TempFolder temp;
  const kuvert::test::StoreUnderTest under(GENERATE(StoreKind::sqlite, StoreKind::postgresql), temp.path());
  Store store(under.options());
  for (int i = 1; i <= 4; ++i) {
    Transaction transaction(store.db());
    append_audit(store, {iso_time(kNow + i), "anna", "release", "run " + std::to_string(i), ""});
    transaction.commit();
  }
  CHECK(verify_audit(store).empty());
  CHECK(read_audit(store, {.user = "anna", .object = "run 3"}).size() == 1);
  CHECK(read_audit(store, {}).front().seq == 5);
  CHECK(read_audit(store, {}).back().entry.action == "store created");

  SECTION("the table refuses changes") {
    CHECK_THROWS_WITH(store.db().execute("UPDATE audit SET \"user\" = 'x' WHERE seq = 2"),
                      Catch::Contains("the audit trail is append-only"));
    CHECK_THROWS_WITH(store.db().execute("DELETE FROM audit WHERE seq = 4"),
                      Catch::Contains("the audit trail is append-only"));
  }
  // Whoever edits the database file can drop the triggers; the hashes stay.
  store.db().execute(store.db().dialect() == Dialect::sqlite
                         ? "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete"
                         : "DROP TRIGGER audit_no_update ON audit; DROP TRIGGER audit_no_delete ON audit");
  SECTION("a changed record") {
    store.db().execute("UPDATE audit SET \"user\" = 'mallory' WHERE seq = 2");
    CHECK(verify_audit(store) == std::vector<std::string>{"audit record 2: was changed after it was written"});
  }
  SECTION("a deleted record") {
    store.db().execute("DELETE FROM audit WHERE seq = 2");
    CHECK(verify_audit(store) == std::vector<std::string>{"audit record 3: records 2 to 2 are missing",
                                                          "audit record 3: does not follow the record before it"});
  }
  SECTION("the last record deleted") {
    store.db().execute("DELETE FROM audit WHERE seq = 5");
    CHECK(verify_audit(store) ==
          std::vector<std::string>{"the audit trail ends at record 4 but record 5 was written: records were deleted"});
  }
  SECTION("every record and the head deleted") {
    store.db().execute("DELETE FROM audit; DELETE FROM audit_head");
    CHECK(
        verify_audit(store) ==
        std::vector<std::string>{"the audit trail is empty: even its first record, the store's creation, was deleted"});
  }
  SECTION("a record rewritten with a hash made without the key") {
    store.db().execute("UPDATE audit SET detail = 'x', hash = previous WHERE seq = 5");
    CHECK(verify_audit(store).front() == "audit record 5: was changed after it was written");
  }
}

TEST_CASE("Users: Argon2id hashes, logins, lockout, all audited", "[store][slow][postgres]") {
  kuvert::test::TempFolder temp;
  const kuvert::test::StoreUnderTest under(GENERATE(StoreKind::sqlite, StoreKind::postgresql), temp.path());
  Store store(under.options());
  add_user(store, "anna", Role::operator_, "correct horse battery", kNow, "admin");
  Statement hash(store.db(), "SELECT password FROM users WHERE name = 'anna'");
  REQUIRE(hash.step());
  CHECK(hash.text(0).rfind("$argon2id$", 0) == 0);

  CHECK_THROWS_WITH(add_user(store, "anna", Role::viewer, "another password", kNow, "admin"),
                    Catch::Contains("record \"user anna\": field \"name\": a user of this name exists already"));
  CHECK_THROWS_WITH(add_user(store, "bo b", Role::viewer, "another password", kNow, "admin"),
                    Catch::Contains("expected 1 to 64 letters, digits"));
  CHECK_THROWS_WITH(add_user(store, "bob", Role::viewer, "short", kNow, "admin"),
                    Catch::Contains("field \"password\": expected 10 to 1024 characters"));

  const auto good = log_in(store, "anna", "correct horse battery", kNow);
  REQUIRE(good.outcome == LoginOutcome::accepted);
  CHECK(good.user->role == Role::operator_);
  CHECK(log_in(store, "nobody", "correct horse battery", kNow).outcome == LoginOutcome::refused);

  const LockoutPolicy policy{3, 600};
  for (int i = 0; i < 3; ++i) CHECK(log_in(store, "anna", "wrong", kNow, policy).outcome == LoginOutcome::refused);
  CHECK(log_in(store, "anna", "correct horse battery", kNow + 10, policy).outcome == LoginOutcome::locked);
  CHECK(log_in(store, "anna", "correct horse battery", kNow + 601, policy).outcome == LoginOutcome::accepted);

  set_password(store, "anna", "a new long password", kNow, "admin");
  CHECK(log_in(store, "anna", "correct horse battery", kNow).outcome == LoginOutcome::refused);
  CHECK(log_in(store, "anna", "a new long password", kNow).outcome == LoginOutcome::accepted);
  CHECK_THROWS_WITH(set_password(store, "ghost", "a new long password", kNow, "admin"),
                    Catch::Equals("record \"user ghost\": field \"name\": no such user"));

  CHECK(read_audit(store, {.action = "login failed"}).size() == 6);
  CHECK(read_audit(store, {.action = "login failed"})[2].entry.detail ==
        "wrong password; locked until " + iso_time(kNow + 600));
  CHECK(read_audit(store, {.action = "login"}).size() == 3);
  CHECK(verify_audit(store).empty());
}

TEST_CASE("Runs move through release, four eyes and delivery in the store", "[store][postgres]") {
  kuvert::test::TempFolder temp;
  const kuvert::test::StoreUnderTest under(GENERATE(StoreKind::sqlite, StoreKind::postgresql), temp.path());
  Store store(under.options());
  const auto job = finished_job(store);
  const auto runs = runs_of_job(store, job);
  REQUIRE(runs.size() == 2);
  CHECK(runs[0].file == "/srv/jobs/1/R0001.pdf");
  CHECK(runs[0].state == RunState::awaiting_release);
  CHECK(runs[1].sensitive);
  CHECK(find_input(store, find_job(store, job)->input)->state == InputState::done);

  const Actor anna{"anna", Role::operator_}, bernd{"bernd", Role::supervisor}, clara{"clara", Role::supervisor};
  act_on_run(store, runs[0].id, RunAction::release, anna, kNow);
  act_on_run(store, runs[1].id, RunAction::release, bernd, kNow);
  CHECK(refusal(store, runs[1].id, RunAction::confirm, bernd) ==
        "four eyes: bernd released this run, a different supervisor must confirm it");
  auto ready = runs_ready_for_delivery(store);
  REQUIRE(ready.size() == 1);
  CHECK(ready[0].name == "R0001");

  // A hold forgets who released: the four-eyes check starts again.
  act_on_run(store, runs[1].id, RunAction::hold, anna, kNow);
  CHECK(find_run(store, runs[1].id)->released_by.empty());
  act_on_run(store, runs[1].id, RunAction::release, clara, kNow);
  const auto confirmed = act_on_run(store, runs[1].id, RunAction::confirm, bernd, kNow);
  CHECK(confirmed.state == RunState::confirmed);
  CHECK(confirmed.released_by == "clara");
  CHECK(confirmed.confirmed_by == "bernd");
  CHECK(runs_ready_for_delivery(store).size() == 2);

  const Actor service{"", Role::viewer, true};
  CHECK(act_on_run(store, runs[0].id, RunAction::deliver, service, kNow).state == RunState::delivered);
  CHECK(refusal(store, runs[0].id, RunAction::deliver, service) ==
        "a run that is delivered cannot be given \"deliver\"");
  CHECK(refusal(store, 999, RunAction::release, anna) == "no such run");

  const auto refused = read_audit(store, {.action = "confirm refused"});
  REQUIRE(refused.size() == 1);
  CHECK(refused[0].entry.user == "bernd");
  CHECK(refused[0].entry.object == kuvert::concat("run J", std::to_string(runs[1].job), "-", runs[1].name));
  CHECK(refused[0].entry.object.starts_with("run J"));
  CHECK(read_audit(store, {.action = "deliver"}).front().entry.user == "kuvert");
  CHECK(list_runs(store, RunState::delivered).size() == 1);
  CHECK(verify_audit(store).empty());
}

TEST_CASE("An input identical to an accepted one is a duplicate, a failed one may come again", "[store][postgres]") {
  kuvert::test::TempFolder temp;
  const kuvert::test::StoreUnderTest under(GENERATE(StoreKind::sqlite, StoreKind::postgresql), temp.path());
  Store store(under.options());
  const std::string sha(64, 'b');
  const auto first = begin_taking(store, "steuer", "a.pdf", sha, "inputs/1", kNow, "test:1:1");
  REQUIRE(first.id > 0);
  const auto second = begin_taking(store, "scan", "b.pdf", sha, "inputs/2", kNow, "test:1:1");
  REQUIRE(second.duplicate_of);
  CHECK(second.duplicate_of->id == first.id);
  record_refusal(store, "scan", "b.pdf", sha, "scan/error/b.pdf", InputState::duplicate, "duplicate", kNow);
  CHECK(inputs_in_state(store, InputState::duplicate).front().reason == "duplicate");

  set_input_state(store, first.id, InputState::failed, "not a PDF", kNow);
  const auto again = begin_taking(store, "steuer", "a.pdf", sha, "inputs/3", kNow, "test:1:1");
  CHECK_FALSE(again.duplicate_of);
  forget_input(store, again.id);
  CHECK_FALSE(find_input(store, again.id));
}

TEST_CASE("A job takes its input's number, past inputs that made no job", "[store][postgres]") {
  kuvert::test::TempFolder temp;
  const kuvert::test::StoreUnderTest under(GENERATE(StoreKind::sqlite, StoreKind::postgresql), temp.path());
  Store store(under.options());
  record_refusal(store, "steuer", "leer.pdf", std::string(64, 'c'), "steuer/error/leer.pdf", InputState::failed,
                 "empty", kNow);
  const auto results =
      begin_taking(store, "ergebnisse", "R0001.results.csv", std::string(64, 'd'), "i/2", kNow, "test:1:1");
  set_input_state(store, results.id, InputState::done, "", kNow);
  const auto taking = begin_taking(store, "steuer", "grundsteuer", std::string(64, 'e'), "i/3", kNow, "test:1:1");
  set_input_state(store, taking.id, InputState::taken, "", kNow);
  REQUIRE(taking.id == 3);
  const auto job = start_job(store, taking.id, JobKind::job, "steuer", "grundsteuer", "musterstadt", "/srv/3", kNow);
  CHECK(job == taking.id);
  CHECK(job_of_input(store, taking.id)->id == taking.id);
  const auto started = read_audit(store, {.action = "job started"});
  REQUIRE(started.size() == 1);
  CHECK(started.front().entry.object == "job J3");
  CHECK(started.front().entry.detail == "input 3, grundsteuer");
  CHECK(input_label(*find_input(store, taking.id)) == "input 3 (steuer/grundsteuer)");
}

TEST_CASE("In a store whose jobs were numbered apart from their inputs, a waiting input still gets a job",
          "[store][postgres]") {
  kuvert::test::TempFolder temp;
  const kuvert::test::StoreUnderTest under(GENERATE(StoreKind::sqlite, StoreKind::postgresql), temp.path());
  Store store(under.options());
  // Input 1 waited (its inbox was not configured) while input 2 became job
  // 1, as kuvert numbered jobs before.
  const auto waiting = begin_taking(store, "steuer", "a", std::string(64, 'a'), "i/1", kNow, "test:1:1");
  const auto made = begin_taking(store, "steuer", "b", std::string(64, 'b'), "i/2", kNow, "test:1:1");
  store.db().execute(
      "INSERT INTO jobs(id, input_id, kind, inbox, name, client, state, output, created_at) VALUES (1, " +
      std::to_string(made.id) + ", 'job', 'steuer', 'b', 'musterstadt', 'done', 'o', 'x')");
  CHECK(start_job(store, waiting.id, JobKind::job, "steuer", "a", "musterstadt", "/srv/1", kNow) == 2);
  const auto next = begin_taking(store, "steuer", "c", std::string(64, 'c'), "i/3", kNow, "test:1:1");
  CHECK(start_job(store, next.id, JobKind::job, "steuer", "c", "musterstadt", "/srv/3", kNow) == next.id);
  CHECK(job_of_input(store, waiting.id)->id == 2);
}

TEST_CASE("Schema 14 takes the recipients of pieces whose output retention removed before", "[store]") {
  kuvert::test::TempFolder temp;
  const auto piece = [](const std::string& id, const std::string& recipient) {
    PieceOutput made;
    made.id = id;
    made.sequence = 1;
    made.sheets = 1;
    made.documents = id;
    made.recipient = recipient;
    made.postcode = "39104";
    return made;
  };
  std::int64_t removed = 0, kept = 0;
  {
    Store store({temp.path()});
    for (const auto& [job, name] : {std::pair{&removed, "a"}, {&kept, "b"}}) {
      const auto taking = begin_taking(store, "steuer", name, std::string(64, name[0]), "i", kNow, "test:1:1");
      *job = start_job(store, taking.id, JobKind::job, "steuer", name, "musterstadt", "/srv", kNow);
      RunOutput run{"R0001", "R0001.pdf", 1, 1, 1, false, {piece(std::string(name) + "-1", "Erika Muster")}};
      finish_job(store, *job, {name, 1, 1, 1, {run}}, "drucker-1", kNow);
    }
    // As a store of schema 13 was, its first job's output removed then
    // (and without what schemas 15 and 16 added).
    store.db().execute(
        "UPDATE jobs SET output = '' WHERE id = " + std::to_string(removed) +
        "; CREATE INDEX pieces_postcode ON pieces(postcode); DROP INDEX inputs_open; DROP INDEX inputs_failed;"
        " DROP TABLE scan_parts;"
        " DROP TABLE workers; DROP TABLE duties; ALTER TABLE inputs DROP COLUMN worker;"
        " ALTER TABLE runs DROP COLUMN worker; PRAGMA user_version = 13");
  }
  Store store({temp.path()});
  const auto recipient_of = [&](const std::string& id) {
    Statement query(store.db(), "SELECT recipient || '|' || postcode FROM pieces WHERE id = ?");
    query.bind(1, id);
    return query.first([](Statement& row) { return row.text(0); }).value_or("none");
  };
  CHECK(recipient_of("a-1") == "|");
  CHECK(recipient_of("b-1") == "Erika Muster|39104");
}

TEST_CASE("Several processes opening a new store at once all find it migrated", "[store][postgres]") {
  kuvert::test::TempFolder temp;
  const kuvert::test::StoreUnderTest under(GENERATE(StoreKind::sqlite, StoreKind::postgresql), temp.path());
  std::vector<std::thread> openers;
  std::atomic<int> opened{0};
  std::mutex mutex;
  std::vector<std::string> failures;
  for (int i = 0; i < 4; ++i)
    openers.emplace_back([&] {
      try {
        Store store(under.options());
        ++opened;
      } catch (const std::exception& error) {
        const std::lock_guard lock(mutex);
        failures.push_back(error.what());
      }
    });
  for (auto& opener : openers) opener.join();
  CHECK(failures == std::vector<std::string>{});
  CHECK(opened == 4);
  Store store(under.options());
  CHECK(verify_audit(store).empty());
}

TEST_CASE("A run being copied to its printer can no longer be held or cancelled", "[store][postgres]") {
  kuvert::test::TempFolder temp;
  const kuvert::test::StoreUnderTest under(GENERATE(StoreKind::sqlite, StoreKind::postgresql), temp.path());
  Store store(under.options());
  const auto runs = runs_of_job(store, finished_job(store));
  const Actor anna{"anna", Role::operator_}, service{"", Role::viewer, true};
  act_on_run(store, runs[0].id, RunAction::release, anna, kNow);
  REQUIRE(begin_delivery(store, runs[0].id));
  CHECK(refusal(store, runs[0].id, RunAction::hold, anna) ==
        "the run is being copied to its printer; once delivered, it can only be marked printed");
  CHECK(refusal(store, runs[0].id, RunAction::cancel, anna) ==
        "the run is being copied to its printer; once delivered, it can only be marked printed");
  const auto delivered = act_on_run(store, runs[0].id, RunAction::deliver, service, kNow);
  CHECK(delivered.state == RunState::delivered);
  CHECK_FALSE(delivered.delivering);
  // A hold that came first wins: the copy does not begin.
  act_on_run(store, runs[1].id, RunAction::release, {"bernd", Role::supervisor}, kNow);
  act_on_run(store, runs[1].id, RunAction::confirm, {"clara", Role::supervisor}, kNow);
  act_on_run(store, runs[1].id, RunAction::hold, anna, kNow);
  CHECK_FALSE(begin_delivery(store, runs[1].id));
  CHECK_FALSE(find_run(store, runs[1].id)->delivering);
}

TEST_CASE("Failed logins in parallel cannot slip past the lock", "[store][postgres]") {
  kuvert::test::TempFolder temp;
  const kuvert::test::StoreUnderTest under(GENERATE(StoreKind::sqlite, StoreKind::postgresql), temp.path());
  {
    Store store(under.options());
    add_user(store, "anna", Role::operator_, "anna's long password", kNow, "admin");
  }
  const LockoutPolicy policy{3, 600};
  std::vector<std::thread> guessers;
  std::atomic<int> refused{0}, locked{0};
  for (int i = 0; i < 8; ++i)
    guessers.emplace_back([&] {
      Store store(under.options());
      const auto outcome = log_in(store, "anna", "guess", kNow, policy).outcome;
      ++(outcome == LoginOutcome::locked ? locked : refused);
    });
  for (auto& guesser : guessers) guesser.join();
  // Three wrong passwords, then the lock for the other five.
  CHECK(refused == 3);
  CHECK(locked == 5);
  Store store(under.options());
  CHECK(log_in(store, "anna", "anna's long password", kNow + 1, policy).outcome == LoginOutcome::locked);
}

TEST_CASE("Pages printed are counted when a run is marked printed, apart from pages produced", "[store][postgres]") {
  kuvert::test::TempFolder temp;
  const kuvert::test::StoreUnderTest under(GENERATE(StoreKind::sqlite, StoreKind::postgresql), temp.path());
  Store store(under.options());
  const auto runs = runs_of_job(store, finished_job(store));  // 4 and 2 pages, produced at kNow
  const Actor anna{"anna", Role::operator_}, service{"", Role::viewer, true};
  act_on_run(store, runs[0].id, RunAction::release, anna, kNow);
  act_on_run(store, runs[0].id, RunAction::deliver, service, kNow);
  act_on_run(store, runs[0].id, RunAction::mark_printed, anna, kNow + 86400);  // the next day

  const auto produced_day = production_between(store, iso_time(kNow - 3600), iso_time(kNow + 3600));
  CHECK(produced_day.produced_pages == 6);
  CHECK(produced_day.pieces == 3);
  CHECK(produced_day.printed_pages == 0);
  const auto printed_day = production_between(store, iso_time(kNow + 86400 - 3600), iso_time(kNow + 86400 + 3600));
  CHECK(printed_day.produced_pages == 0);
  CHECK(printed_day.printed_pages == 4);
  // The end is exclusive.
  CHECK(production_between(store, iso_time(kNow - 3600), iso_time(kNow + 86400)).printed_pages == 0);
}

TEST_CASE("A locked account is unlocked at once, and the trail says who did it", "[store][postgres]") {
  kuvert::test::TempFolder temp;
  const kuvert::test::StoreUnderTest under(GENERATE(StoreKind::sqlite, StoreKind::postgresql), temp.path());
  Store store(under.options());
  add_user(store, "anna", Role::operator_, "correct horse battery", kNow, "admin");
  const LockoutPolicy policy{3, 600};
  for (int i = 0; i < 3; ++i) log_in(store, "anna", "wrong", kNow, policy);
  REQUIRE(log_in(store, "anna", "correct horse battery", kNow + 10, policy).outcome == LoginOutcome::locked);
  unlock_user(store, "anna", kNow + 20, "clara");
  CHECK(log_in(store, "anna", "correct horse battery", kNow + 30, policy).outcome == LoginOutcome::accepted);
  AuditFilter filter;
  filter.action = "user unlocked";
  const auto trail = read_audit(store, filter);
  REQUIRE(trail.size() == 1);
  CHECK(trail[0].entry.user == "clara");
  CHECK(trail[0].entry.object == "user anna");
  CHECK(trail[0].entry.detail == "was locked");
  CHECK_THROWS_AS(unlock_user(store, "nobody", kNow, "clara"), kuvert::Error);
}

#include "pipeline/store/work_claims.hpp"

#include <catch2/catch.hpp>
#include <mutex>
#include <set>
#include <thread>

#include "pipeline/model/error.hpp"
#include "pipeline/store/scan_part_records.hpp"
#include "tests/support/store_under_test.hpp"
#include "tests/support/temp_folder.hpp"

using namespace kuvert::store;
using kuvert::test::StoreKind;

namespace {

constexpr std::int64_t kNow = 1796083200;  // 2026-12-01

WorkerRecord worker(const std::string& name) {
  return {.name = name, .host = "host-" + name, .pid = 1, .kind = "worker", .started_at = iso_time(kNow)};
}

// An input taken from an inbox (by a worker "intake", alive or not) and
// waiting to be processed, claimed by nobody.
std::int64_t waiting_input(Store& store, const std::string& name) {
  const auto taking = begin_taking(store, "steuer", name, std::string(63, 'a') + name, "", kNow, "intake");
  set_input_state(store, taking.id, InputState::taken, "", kNow);
  return taking.id;
}

// A store, SQLite or PostgreSQL, and two workers of it, "a" and "b",
// both alive.
struct TwoWorkers {
  kuvert::test::TempFolder temp;
  kuvert::test::StoreUnderTest under;
  Store store;
  explicit TwoWorkers(StoreKind kind) : under(kind, temp.path()), store(under.options()) {
    register_worker(store, worker("a"), 60);
    register_worker(store, worker("b"), 60);
  }
};

std::string refusal_of(Store& store, std::int64_t input, const std::string& worker) {
  try {
    Transaction transaction(store.db());
    require_claim(store, ClaimedUnit::input, input, worker);
  } catch (const kuvert::Error& error) {
    return error.what();
  }
  return "held";
}

}  // namespace

TEST_CASE("An input is claimed by one worker while its lease runs, then by another", "[store][postgres]") {
  TwoWorkers two(GENERATE(StoreKind::sqlite, StoreKind::postgresql));
  Store& store = two.store;
  const std::int64_t first = waiting_input(store, "1");
  const std::int64_t second = waiting_input(store, "2");

  REQUIRE(claim_input(store, "a", InputState::taken, 0)->id == first);
  // b skips what a holds; a may take its own again (a failed try, repeated).
  CHECK(claim_input(store, "b", InputState::taken, 0)->id == second);
  CHECK_FALSE(claim_input(store, "b", InputState::taken, second));
  CHECK(claim_input(store, "a", InputState::taken, 0)->id == first);
  CHECK(refusal_of(store, first, "a") == "held");
  CHECK(refusal_of(store, first, "b").find("is worker a's now, not this worker's") != std::string::npos);

  // a is killed: once its lease is gone, b takes its input over, and what
  // a still tries to record of it is refused.
  expire_lease(store, "a");
  CHECK(claim_input(store, "b", InputState::taken, 0)->id == first);
  CHECK(refusal_of(store, first, "a") ==
        "record \"input " + std::to_string(first) + "\": is worker b's now, not this worker's: its lease ran out");
  CHECK(refusal_of(store, first, "b") == "held");

  const auto workers = list_workers(store);
  REQUIRE(workers.size() == 2);
  CHECK_FALSE(workers[0].alive);  // a
  CHECK(workers[1].alive);
}

TEST_CASE("A worker that stops frees its units at once, and its heartbeat says what it does", "[store][postgres]") {
  TwoWorkers two(GENERATE(StoreKind::sqlite, StoreKind::postgresql));
  Store& store = two.store;
  const std::int64_t input = waiting_input(store, "1");
  REQUIRE(claim_input(store, "a", InputState::taken, 0));
  CHECK(renew_lease(store, "a", 60, "input 1 (steuer/1)"));
  const auto a = list_workers(store).front();
  CHECK(a.name == "a");
  CHECK(a.doing == "input 1 (steuer/1)");
  CHECK(a.lease_until >= a.heartbeat_at + 59);

  CHECK_FALSE(claim_input(store, "b", InputState::taken, 0));
  retire_worker(store, "a");
  CHECK(claim_input(store, "b", InputState::taken, 0)->id == input);
  CHECK(list_workers(store).size() == 1);
  CHECK_FALSE(renew_lease(store, "a", 60, ""));  // forgotten: it must register again
}

TEST_CASE("Runs and the housekeeping are one worker's at a time", "[store][postgres]") {
  TwoWorkers two(GENERATE(StoreKind::sqlite, StoreKind::postgresql));
  Store& store = two.store;
  const std::int64_t input = waiting_input(store, "1");
  const auto job = start_job(store, input, JobKind::job, "steuer", "1", "musterstadt", "/srv/jobs/1", kNow);
  finish_job(store, job, {"grundsteuer", 1, 1, 1, {{"R0001", "R0001.pdf", 1, 1, 1, false}}}, "drucker-1", kNow);
  const std::int64_t run = list_runs(store).front().id;

  CHECK(claim_run(store, run, "a"));
  CHECK_FALSE(claim_run(store, run, "b"));
  release_claim(store, ClaimedUnit::run, run, "b");  // not b's to give up
  CHECK_FALSE(claim_run(store, run, "b"));
  release_claim(store, ClaimedUnit::run, run, "a");
  CHECK(claim_run(store, run, "b"));

  CHECK(claim_housekeeping(store, "a"));
  CHECK_FALSE(claim_housekeeping(store, "b"));
  release_housekeeping(store, "a");
  CHECK(claim_housekeeping(store, "b"));
  expire_lease(store, "b");
  CHECK(claim_housekeeping(store, "a"));
}

TEST_CASE("Workers claiming at once each get other inputs, and every input is claimed", "[store][postgres]") {
  kuvert::test::TempFolder temp;
  const kuvert::test::StoreUnderTest under(GENERATE(StoreKind::sqlite, StoreKind::postgresql), temp.path());
  constexpr int kInputs = 60, kWorkers = 4;
  {
    Store store(under.options());
    for (int i = 0; i < kInputs; ++i) waiting_input(store, std::to_string(i));
    for (int w = 0; w < kWorkers; ++w) register_worker(store, worker(std::to_string(w)), 60);
  }
  std::mutex mutex;
  std::multiset<std::int64_t> claimed;
  std::vector<std::thread> workers;
  for (int w = 0; w < kWorkers; ++w)
    workers.emplace_back([&, w] {
      Store store(under.options());  // a connection each, as processes have
      std::int64_t after = 0;
      while (const auto input = claim_input(store, std::to_string(w), InputState::taken, after)) {
        after = input->id;
        const std::lock_guard lock(mutex);
        claimed.insert(input->id);
      }
    });
  for (auto& thread : workers) thread.join();
  CHECK(claimed.size() == kInputs);
  CHECK(std::set<std::int64_t>(claimed.begin(), claimed.end()).size() == kInputs);
}

TEST_CASE("An input taken or a run released wakes the workers listening (PostgreSQL)", "[store][postgres]") {
  kuvert::test::TempFolder temp;
  const kuvert::test::StoreUnderTest under(StoreKind::postgresql, temp.path());
  Store listener(under.options());
  Store intake(under.options());
  listener.db().listen(kWorkChannel);
  CHECK_FALSE(listener.db().await_notification(std::chrono::milliseconds(50)));
  waiting_input(intake, "1");
  CHECK(listener.db().await_notification(std::chrono::seconds(5)));
  CHECK_FALSE(listener.db().await_notification(std::chrono::milliseconds(50)));  // each once
}

TEST_CASE("A scan batch's parts are claimed one worker each and read again after a death and counted done",
          "[store][postgres]") {
  TwoWorkers two(GENERATE(StoreKind::sqlite, StoreKind::postgresql));
  Store& store = two.store;
  const std::int64_t batch = waiting_input(store, "stapel.pdf");
  open_scan_parts(store, batch, 3);
  open_scan_parts(store, batch, 3);  // a worker taking the batch over keeps them
  CHECK(scan_parts_progress(store, batch).parts == 3);

  const auto first = claim_scan_part(store, "a", batch, {});
  const auto second = claim_scan_part(store, "b", 0, {"steuer"});
  REQUIRE(first);
  REQUIRE(second);
  CHECK(first->part == 1);
  CHECK(second->part == 2);
  CHECK(second->input == batch);
  CHECK_FALSE(claim_scan_part(store, "b", 0, {"post"}));  // only parts of the inboxes named
  finish_scan_part(store, first->id);
  // b dies: its part is free for a, and what b still records is refused.
  expire_lease(store, "b");
  const auto again = claim_scan_part(store, "a", batch, {});
  REQUIRE(again);
  CHECK(again->part == 2);
  CHECK_THROWS_AS(
      as_holder(store, ClaimedUnit::scan_part, second->id, "b", [&] { finish_scan_part(store, second->id); }),
      kuvert::Error);
  as_holder(store, ClaimedUnit::scan_part, again->id, "a", [&] { finish_scan_part(store, again->id); });
  auto progress = scan_parts_progress(store, batch);
  CHECK(progress.done == 2);
  CHECK(progress.failure.empty());

  // The third fails for reasons not its own until it has failed three times.
  const auto third = claim_scan_part(store, "a", batch, {});
  REQUIRE(third);
  for (int attempt = 1; attempt <= 3; ++attempt) {
    REQUIRE(claim_scan_part(store, "a", batch, {}));
    retry_scan_part(store, third->id, "the disk is full", 3);
  }
  CHECK_FALSE(claim_scan_part(store, "a", batch, {}));
  progress = scan_parts_progress(store, batch);
  CHECK(progress.failure == "part 3: the disk is full");
  drop_scan_parts(store, batch);
  CHECK(scan_parts_progress(store, batch).parts == 0);
  // The parts of a batch that failed meanwhile are nobody's work.
  const std::int64_t failed = waiting_input(store, "kaputt.pdf");
  open_scan_parts(store, failed, 2);
  set_input_state(store, failed, InputState::failed, "crashed", kNow);
  CHECK_FALSE(claim_scan_part(store, "b", 0, {"steuer"}));
}

#include "pipeline/service/reprint_production.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "pipeline/store/audit_trail.hpp"
#include "pipeline/store/piece_records.hpp"
#include "pipeline/store/piece_verdicts.hpp"
#include "tests/support/processed_job.hpp"
#include "tests/support/store_under_test.hpp"
#include "tests/support/temp_folder.hpp"

using namespace kuvert::store;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kStart = 1795000000;
const Actor anna{"anna", Role::operator_};

// A job's run delivered and reconciled with its first piece to reprint.
RunRecord reconciled_with_a_reprint(Store& store, const kuvert::ServiceConfig& config, const fs::path& staging) {
  const auto job = kuvert::test::processed_job(store, config, staging, "nachdruck", 3, false, kStart);
  const auto run = runs_of_job(store, job).front();
  act_on_run(store, run.id, RunAction::release, anna, kStart);
  act_on_run(store, run.id, RunAction::deliver, {"", Role::viewer, true}, kStart);
  const auto first = pieces_of_run(store, run.id).front().id;
  set_piece_verdicts(store, *find_run(store, run.id),
                     {.pieces = {{first, PieceVerdict::reprint}}, .rest = PieceVerdict::ok}, anna, kStart);
  act_on_run(store, run.id, RunAction::reconcile, anna, kStart);
  return *find_run(store, run.id);
}

}  // namespace

TEST_CASE("A reprint is made once, even when the service stopped between production and record",
          "[service][postgres]") {
  kuvert::test::TempFolder temp;
  const auto config = kuvert::test::test_service_config(temp.path());
  const kuvert::test::StoreUnderTest under(
      GENERATE(kuvert::test::StoreKind::sqlite, kuvert::test::StoreKind::postgresql), config.store);
  Store store(under.options());
  const auto run = reconciled_with_a_reprint(store, config, temp.path());
  REQUIRE(runs_due_for_reprint(store).size() == 1);
  // Made for a day before the job came into the store (a job produced
  // past midnight, say): the reprint is made for that day too.
  const fs::path summary = fs::path(find_job(store, run.job)->output) / "summary.json";
  auto made_for = nlohmann::json::parse(std::ifstream(summary));
  made_for["production_date"] = "2026-11-02";
  std::ofstream(summary) << made_for.dump();
  std::vector<std::string> log;
  const auto note = [&log](const std::string& line) { log.push_back(line); };
  const std::atomic<bool> stopping{false};
  kuvert::service::make_reprint(
      store, config, run, [] { return kStart + 60; }, note, stopping);
  const auto made = reprints_of(store, run.id);
  REQUIRE(made.size() == 1);
  CHECK(made[0].name == "N0001");
  CHECK(made[0].pieces == 1);
  CHECK(pieces_of_run(store, made[0].id).front().documents == pieces_of_run(store, run.id).front().documents);
  CHECK(nlohmann::json::parse(
            std::ifstream(fs::path(made[0].file).parent_path() / "summary.json"))["production_date"] == "2026-11-02");
  CHECK(runs_due_for_reprint(store).empty());
  // Asked again (a crash after the record, before the loop moved on): nothing more.
  kuvert::service::make_reprint(
      store, config, run, [] { return kStart + 61; }, note, stopping);
  CHECK(reprints_of(store, run.id).size() == 1);
  CHECK(read_audit(store, {.action = "reprint made"}).size() == 1);
  CHECK(log.back().find("reprint N0001 made of 1 piece; awaits release") != std::string::npos);
}

TEST_CASE("A reprint whose job input retention removed is a problem of the run, not tried again",
          "[service][postgres]") {
  kuvert::test::TempFolder temp;
  const auto config = kuvert::test::test_service_config(temp.path());
  const kuvert::test::StoreUnderTest under(
      GENERATE(kuvert::test::StoreKind::sqlite, kuvert::test::StoreKind::postgresql), config.store);
  Store store(under.options());
  const auto run = reconciled_with_a_reprint(store, config, temp.path());
  fs::remove_all(find_input(store, find_job(store, run.job)->input)->place);
  std::vector<std::string> log;
  const std::atomic<bool> stopping{false};
  kuvert::service::make_reprint(
      store, config, run, [] { return kStart; }, [&log](const std::string& line) { log.push_back(line); }, stopping);
  CHECK(reprints_of(store, run.id).empty());
  CHECK(find_run(store, run.id)->reprint_problem ==
        "the job's input is no longer kept in the store (retention): reprint its pieces from the specialist "
        "application");
  CHECK(runs_due_for_reprint(store).empty());
  // Nor may the run close, posted: its failed piece is not accounted for.
  act_on_run(store, run.id, RunAction::mark_posted, anna, kStart, {.posted_on = "2026-11-18"});
  CHECK_THROWS_WITH(act_on_run(store, run.id, RunAction::close, anna, kStart),
                    Catch::Contains("its failed pieces are not yet reprinted and reconciled"));
  // A supervisor has it mailed by hand; then it closes.
  const auto failed = pieces_of_run(store, run.id).front().id;
  const PieceVerdicts by_hand{.pieces = {{failed, PieceVerdict::hand_mail}}};
  CHECK_THROWS_WITH(set_piece_verdicts(store, *find_run(store, run.id), by_hand, anna, kStart),
                    Catch::Contains("is posted: pieces are decided once delivered"));
  set_piece_verdicts(store, *find_run(store, run.id), by_hand, {"bernd", Role::supervisor}, kStart);
  CHECK(find_run(store, run.id)->reprint_problem.empty());
  CHECK(runs_due_for_reprint(store).empty());
  CHECK(act_on_run(store, run.id, RunAction::close, anna, kStart).state == RunState::closed);
}

TEST_CASE("A reprint made for other pieces and never recorded is made anew, and no two reprints share a name",
          "[service][postgres]") {
  kuvert::test::TempFolder temp;
  auto config = kuvert::test::test_service_config(temp.path());
  config.max_sheets = 1;  // three runs of one piece each
  const kuvert::test::StoreUnderTest under(
      GENERATE(kuvert::test::StoreKind::sqlite, kuvert::test::StoreKind::postgresql), config.store);
  Store store(under.options());
  const auto job = kuvert::test::processed_job(store, config, temp.path(), "nachdruck", 3, false, kStart);
  const auto runs = runs_of_job(store, job);
  REQUIRE(runs.size() == 3);
  const auto output = fs::path(find_job(store, job)->output);
  const std::atomic<bool> stopping{false};
  const auto reprint = [&](const RunRecord& run) {
    kuvert::service::make_reprint(
        store, config, *find_run(store, run.id), [] { return kStart + 60; }, [](const std::string&) {}, stopping);
    return reprints_of(store, run.id);
  };
  for (const auto& run : runs) {
    act_on_run(store, run.id, RunAction::release, anna, kStart);
    act_on_run(store, run.id, RunAction::deliver, {"", Role::viewer, true}, kStart);
    set_piece_verdicts(store, *find_run(store, run.id), {.rest = PieceVerdict::reprint}, anna, kStart);
    act_on_run(store, run.id, RunAction::reconcile, anna, kStart, {.max_reprint_percent = 100});
  }
  // R0001's reprint was made for another piece (decided again since) and
  // never recorded: its order and output are on file, its name N0001.
  const auto piece = pieces_of_run(store, runs[0].id).front();
  const auto other = pieces_of_run(store, runs[2].id).front();
  nlohmann::json stale{
      {"run", "R0001"}, {"first_run", 1}, {"pieces", {{{"piece", other.id}, {"documents", {other.documents}}}}}};
  std::ofstream(output / "reprint-R0001.order.json") << stale.dump();
  fs::create_directories(output / "reprint-R0001");
  std::ofstream(output / "reprint-R0001/summary.json") << "{}";

  // R0002's reprint takes a name after the one R0001's order reserved.
  const auto second = reprint(runs[1]);
  REQUIRE(second.size() == 1);
  CHECK(second[0].name == "N0002");
  // R0001's is made anew for its own piece, named after every name taken
  // or reserved (its pieces changed, so may the number of its runs).
  const auto first = reprint(runs[0]);
  REQUIRE(first.size() == 1);
  CHECK(first[0].name == "N0003");
  CHECK(pieces_of_run(store, first[0].id).front().documents == piece.documents);
  CHECK(nlohmann::json::parse(std::ifstream(output / "reprint-R0001/N0003.json"))["reprint_of"]["pieces"][0] ==
        piece.id);
  CHECK(reprint(runs[2]).at(0).name == "N0004");
}

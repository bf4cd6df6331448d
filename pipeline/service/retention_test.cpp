#include "pipeline/service/retention.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "pipeline/store/audit_trail.hpp"
#include "pipeline/store/job_records.hpp"
#include "pipeline/store/notice_search.hpp"
#include "pipeline/store/piece_records.hpp"
#include "pipeline/store/piece_verdicts.hpp"
#include "tests/support/processed_job.hpp"
#include "tests/support/store_under_test.hpp"
#include "tests/support/temp_folder.hpp"

using namespace kuvert::store;
namespace fs = std::filesystem;

TEST_CASE("Retention removes old inputs, and outputs once every run is closed or cancelled", "[service][postgres]") {
  constexpr std::int64_t kDay = 24 * 60 * 60, kStart = 1795000000;
  kuvert::test::TempFolder temp;
  auto config = kuvert::test::test_service_config(temp.path());
  config.keep_inputs_days = 10;
  config.keep_outputs_days = 30;
  const kuvert::test::StoreUnderTest under(
      GENERATE(kuvert::test::StoreKind::sqlite, kuvert::test::StoreKind::postgresql), config.store);
  Store store(under.options());
  const auto closed = kuvert::test::processed_job(store, config, temp.path(), "closed", 2, false, kStart);
  const auto open = kuvert::test::processed_job(store, config, temp.path(), "open", 2, false, kStart);
  const Actor anna{"anna", Role::operator_}, service{"", Role::viewer, true};
  const auto run = runs_of_job(store, closed).front().id;
  act_on_run(store, run, RunAction::release, anna, kStart);
  act_on_run(store, run, RunAction::deliver, service, kStart);
  act_on_run(store, run, RunAction::mark_printed, anna, kStart);
  act_on_run(store, run, RunAction::mark_inserted, anna, kStart);
  set_piece_verdicts(store, *find_run(store, run), {.rest = PieceVerdict::ok}, anna, kStart);
  act_on_run(store, run, RunAction::reconcile, anna, kStart);
  act_on_run(store, run, RunAction::mark_posted, anna, kStart, {.posted_on = "2026-11-18"});
  act_on_run(store, run, RunAction::close, anna, kStart + kDay);
  const fs::path closed_output = find_job(store, closed)->output;
  const fs::path open_output = find_job(store, open)->output;
  const fs::path input = find_input(store, find_job(store, closed)->input)->place;
  REQUIRE(fs::exists(input));
  std::vector<std::string> log;
  const auto note = [&log](const std::string& line) { log.push_back(line); };

  CHECK(kuvert::service::apply_retention(store, config, kStart + 9 * kDay, note) == 0);
  CHECK(kuvert::service::apply_retention(store, config, kStart + 11 * kDay, note) == 2);  // both inputs
  CHECK_FALSE(fs::exists(input));
  CHECK(fs::exists(closed_output));
  CHECK(find_input(store, find_job(store, closed)->input)->place.empty());
  // Thirty days after the run was closed, not after the job was made.
  CHECK(kuvert::service::apply_retention(store, config, kStart + 30 * kDay + 1, note) == 0);
  CHECK(kuvert::service::apply_retention(store, config, kStart + 31 * kDay + 1, note) == 1);
  CHECK_FALSE(fs::exists(closed_output));
  CHECK(fs::exists(open_output));  // its run still awaits release
  CHECK(find_job(store, closed)->output.empty());
  // The recipients go with the letters; the document ids still find a piece.
  const auto piece = pieces_of_run(store, run).front();
  const auto hits = find_notices(store, piece.documents, true);  // both jobs were made of one sample
  const auto hit = std::find_if(hits.begin(), hits.end(), [&](const auto& h) { return h.run == run; });
  REQUIRE(hit != hits.end());
  CHECK(hit->piece == piece.id);
  CHECK(hit->recipient.empty());
  CHECK(hit->postcode.empty());
  const auto open_hits = find_notices(store, pieces_of_run(store, runs_of_job(store, open).front().id)[0].id, true);
  REQUIRE(open_hits.size() == 1);
  CHECK_FALSE(open_hits.front().recipient.empty());
  CHECK_FALSE(open_hits.front().postcode.empty());
  CHECK(log.back() == "retention: removed 1 input or job output");
  CHECK(read_audit(store, {.action = "output removed"}).front().entry.object == "job J" + std::to_string(closed));
  CHECK(verify_audit(store).empty());
}

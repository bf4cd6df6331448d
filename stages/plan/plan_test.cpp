#include "stages/plan/plan.hpp"

#include <catch2/catch.hpp>

#include "pipeline/model/error.hpp"
#include "stages/plan/pieces.hpp"
#include "tests/support/planning_jobs.hpp"

using namespace kuvert;
using namespace kuvert::test;

namespace {

using Indices = std::vector<std::uint32_t>;

// Documents (page numbers in the print file): 0 (0-2), 1 (3), 2 (4-5),
// 3 (6-7), 4 (8), 5 (9-28), 6 (29-158), 7 (159-160), 8 (161-164).
Job sample_job() {
  ProductionSettings sensitive;
  sensitive.sensitive = true;
  JobBuilder builder;
  builder.add(3, erika())
      .add(1, recipient("max", "10115"), simplex())
      .add(2, erika())
      .add(2, erika(), sensitive)
      .add(1, recipient("anna", "1010", "AT"))
      .add(20, recipient("jan", "20095"))
      .add(130, recipient("eva", "01067"))
      .add(2, recipient("udo", "01067"), with_inserts({"feeder-1"}))
      .add(4, recipient("ida", "80331"));
  return builder.job();
}

Indices documents_of(const PrintRun& run) {
  Indices out;
  for (std::size_t i = 0; i < run.pieces.size(); ++i) out.insert(out.end(), run.pieces[i].begin(), run.pieces[i].end());
  return out;
}

}  // namespace

TEST_CASE("plan_runs consolidates, weighs, groups, presorts and numbers a job", "[plan]") {
  const Job job = sample_job();
  const auto runs = plan_runs(job, catalog(), PlanOptions{});
  REQUIRE(runs.size() == 5);

  const PrintRun& folded = runs[0];
  CHECK(folded.id == "R0001");
  CHECK(folded.settings == RunSettings{"a4-80", Sides::duplex, "c6-5", "generic-omr", {}, false});
  CHECK(folded.sheet_count == 7);
  CHECK(documents_of(folded) == Indices{0, 2, 3, 8, 4});  // 39104, 39104 (sensitive), 80331, AT
  const auto pieces = run_pieces(job, folded, catalog());
  REQUIRE(pieces.size() == 4);

  const MailPiece& merged = pieces[0];
  CHECK(merged.id == "R0001-000001");
  CHECK(merged.sequence == 1);
  CHECK(merged.documents == Indices{0, 2});
  CHECK(merged.lead == &job.documents[0]);
  CHECK(merged.sheet_count == 3);
  CHECK(merged.weight_g == Approx(19.97));
  CHECK(merged.thickness_mm == Approx(1.4));
  CHECK(merged.envelope == "c6-5");
  CHECK(merged.product == "Standardbrief");
  CHECK(merged.postage_cents == 95);

  CHECK(pieces[1].id == "R0001-000002");
  CHECK(pieces[1].settings().sensitive);
  CHECK(pieces[1].weight_g == Approx(9.99));  // 1 sheet + envelope
  CHECK(pieces[2].id == "R0001-000003");
  CHECK(pieces[3].id == "R0001-000004");
  CHECK_FALSE(pieces[3].lead->domestic);
  CHECK(pieces[3].product == "Standardbrief International");

  CHECK(runs[1].id == "R0002");
  CHECK(runs[1].settings.sides == Sides::simplex);
  CHECK(documents_of(runs[1]) == Indices{1});
  CHECK(run_pieces(job, runs[1], catalog())[0].id == "R0002-000001");

  CHECK(runs[2].id == "R0003");
  CHECK(runs[2].settings.envelope == "c4");
  CHECK(documents_of(runs[2]) == Indices{5});
  const auto flat = run_pieces(job, runs[2], catalog());
  CHECK(flat[0].weight_g == Approx(69.9));
  CHECK(flat[0].product == "Grossbrief");

  CHECK(runs[3].id == "R0004");
  CHECK(runs[3].settings.inserts == std::vector<std::string>{"feeder-1"});
  CHECK(documents_of(runs[3]) == Indices{7});
  const auto with_insert = run_pieces(job, runs[3], catalog());
  CHECK(with_insert[0].weight_g == Approx(13.99));
  CHECK(with_insert[0].thickness_mm == Approx(1.4));

  const PrintRun& manual = runs[4];
  CHECK(manual.id == "R0005");
  CHECK(manual.settings.manual);
  CHECK(manual.settings.envelope == "c4");
  CHECK(documents_of(manual) == Indices{6});
  const auto thick = run_pieces(job, manual, catalog());
  CHECK(thick[0].id == "R0005-000001");
  CHECK(thick[0].sheet_count == 65);
  CHECK(manual.sheet_count == 65);
  CHECK(thick[0].weight_g == Approx(344.35));
  CHECK(thick[0].product == "Grossbrief");
  CHECK(thick[0].manual_reason == "65 sheets exceed the inserter's flat limit of 60");
}

TEST_CASE("plan_runs splits runs at max_sheets without splitting a piece", "[plan]") {
  const Job job = sample_job();
  const auto runs = plan_runs(job, catalog(), PlanOptions{3});
  REQUIRE(runs.size() == 7);
  const std::vector<std::string> ids{"R0001", "R0002", "R0003", "R0004", "R0005", "R0006", "R0007"};
  for (std::size_t i = 0; i < runs.size(); ++i) CHECK(runs[i].id == ids[i]);
  CHECK(documents_of(runs[0]) == Indices{0, 2});  // 3 sheets
  CHECK(documents_of(runs[1]) == Indices{3, 8});  // 1 + 2 sheets
  CHECK(documents_of(runs[2]) == Indices{4});
  CHECK(run_pieces(job, runs[1], catalog())[1].id == "R0002-000002");
  CHECK(run_pieces(job, runs[2], catalog())[0].id == "R0003-000001");
  CHECK(runs[0].part == 1);
  CHECK(runs[2].part == 3);
  CHECK(runs[2].parts == 3);
  CHECK(documents_of(runs[3]) == Indices{1});
  CHECK(documents_of(runs[4]) == Indices{5});  // 10 sheets, alone
  CHECK(runs[4].sheet_count == 10);
  CHECK(documents_of(runs[5]) == Indices{7});
  CHECK(documents_of(runs[6]) == Indices{6});
  CHECK(runs[6].settings.manual);
}

TEST_CASE("plan_runs of a job without documents makes no runs", "[plan]") {
  CHECK(plan_runs(Job{}, catalog(), PlanOptions{}).empty());
}

TEST_CASE("plan_runs reports a paper missing from the catalogue as internal", "[plan]") {
  ProductionSettings heavy;
  heavy.paper = "a4-120";
  JobBuilder builder;
  builder.add(1, erika()).add(1, recipient("max", "10115"), heavy);
  try {
    plan_runs(builder.job(), catalog(), PlanOptions{});
    FAIL("no error thrown");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::internal);
    CHECK(std::string(e.what()) ==
          "job \"test-job\": document \"#2\": field \"paper\": "
          "paper profile \"a4-120\" is not in the profile catalogue");
  }
}

#include "pipeline/plan/plan.hpp"

#include <catch2/catch.hpp>

#include "pipeline/model/error.hpp"
#include "pipeline/plan/test_catalog.hpp"

using namespace kuvert;
using namespace kuvert::plan_test;

namespace {

using Indices = std::vector<std::size_t>;

// Page numbers in the print file: D1 0-2, D2 3, D3 4-5, D4 6-7, D5 8,
// D6 9-28, D7 29-158, D8 159-160, D9 161-164.
Job sample_job() {
  ProductionSettings sensitive;
  sensitive.sensitive = true;
  JobBuilder builder;
  builder.add("D1", 3, erika())
      .add("D2", 1, recipient({"Herr", "Max Muster"}, "Ring 1", "10115", "Berlin"), simplex())
      .add("D3", 2, recipient({"FRAU", "Erika Mustermann"}, "Hauptstr. 5", "39104", "MAGDEBURG"))
      .add("D4", 2, erika(), sensitive)
      .add("D5", 1, recipient({"Anna Huber"}, "Ring 2", "1010", "WIEN", "AT"))
      .add("D6", 20, recipient({"Jan Kurz"}, "Weg 3", "20095", "Hamburg"))
      .add("D7", 130, recipient({"Eva Lang"}, "Allee 4", "01067", "Dresden"))
      .add("D8", 2, recipient({"Udo Roth"}, "Platz 5", "01067", "Dresden"), with_inserts({"feeder-1"}))
      .add("D9", 4, recipient({"Ida Weiß"}, "Gasse 6", "80331", "München"));
  return builder.job();
}

Indices documents_of(const PrintRun& run) {
  Indices out;
  for (const auto& piece : run.pieces) out.insert(out.end(), piece.documents.begin(), piece.documents.end());
  return out;
}

}  // namespace

TEST_CASE("plan_runs consolidates, weighs, groups, presorts and numbers a job", "[plan]") {
  const auto runs = plan_runs(sample_job(), catalog(), PlanOptions{});
  REQUIRE(runs.size() == 5);

  const PrintRun& folded = runs[0];
  CHECK(folded.id == "R0001");
  CHECK(folded.settings == RunSettings{"a4-80", Sides::duplex, "c6-5", "generic-omr", {}, false});
  REQUIRE(folded.pieces.size() == 4);
  CHECK(documents_of(folded) == Indices{0, 2, 3, 8, 4});  // 39104, 39104 (sensitive), 80331, AT

  const MailPiece& merged = folded.pieces[0];
  CHECK(merged.id == "R0001-000001");
  CHECK(merged.sequence == 1);
  CHECK(merged.documents == Indices{0, 2});
  REQUIRE(merged.sheets.size() == 3);
  CHECK(merged.sheets[0].front == PageRef{0, 0});
  CHECK(merged.sheets[0].back == PageRef{0, 1});
  CHECK(merged.sheets[1].front == PageRef{0, 2});
  CHECK_FALSE(merged.sheets[1].back.has_value());
  CHECK(merged.sheets[2].front == PageRef{0, 4});
  CHECK(merged.sheets[2].back == PageRef{0, 5});
  CHECK(merged.weight_g == Approx(19.97));
  CHECK(merged.thickness_mm == Approx(1.4));
  CHECK(merged.envelope == "c6-5");
  CHECK(merged.product == "Standardbrief");
  CHECK(merged.postage_cents == 95);
  CHECK(merged.recipient().street == "Hauptstraße 5");

  CHECK(folded.pieces[1].id == "R0001-000002");
  CHECK(folded.pieces[1].settings().sensitive);
  CHECK(folded.pieces[1].weight_g == Approx(9.99));  // 1 sheet + envelope
  CHECK(folded.pieces[2].id == "R0001-000003");
  CHECK(folded.pieces[3].id == "R0001-000004");
  CHECK(folded.pieces[3].recipient().country == "AT");

  CHECK(runs[1].id == "R0002");
  CHECK(runs[1].settings.sides == Sides::simplex);
  CHECK(documents_of(runs[1]) == Indices{1});
  CHECK(runs[1].pieces[0].id == "R0002-000001");

  CHECK(runs[2].id == "R0003");
  CHECK(runs[2].settings.envelope == "c4");
  CHECK(documents_of(runs[2]) == Indices{5});
  CHECK(runs[2].pieces[0].weight_g == Approx(69.9));
  CHECK(runs[2].pieces[0].product == "Grossbrief");

  CHECK(runs[3].id == "R0004");
  CHECK(runs[3].settings.inserts == std::vector<std::string>{"feeder-1"});
  CHECK(documents_of(runs[3]) == Indices{7});
  CHECK(runs[3].pieces[0].weight_g == Approx(13.99));
  CHECK(runs[3].pieces[0].thickness_mm == Approx(1.4));

  const PrintRun& manual = runs[4];
  CHECK(manual.id == "R0005");
  CHECK(manual.settings.manual);
  CHECK(manual.settings.envelope == "c4");
  CHECK(documents_of(manual) == Indices{6});
  CHECK(manual.pieces[0].id == "R0005-000001");
  CHECK(manual.pieces[0].sheets.size() == 65);
  CHECK(manual.pieces[0].weight_g == Approx(344.35));
  CHECK(manual.pieces[0].product == "Grossbrief");
  CHECK(manual.pieces[0].manual_reason == "65 sheets exceed the inserter's flat limit of 60");
}

TEST_CASE("plan_runs splits runs at max_sheets without splitting a piece", "[plan]") {
  const auto runs = plan_runs(sample_job(), catalog(), PlanOptions{3});
  REQUIRE(runs.size() == 7);
  const std::vector<std::string> ids{"R0001", "R0002", "R0003", "R0004", "R0005", "R0006", "R0007"};
  for (std::size_t i = 0; i < runs.size(); ++i) CHECK(runs[i].id == ids[i]);
  CHECK(documents_of(runs[0]) == Indices{0, 2});  // 3 sheets
  CHECK(documents_of(runs[1]) == Indices{3, 8});  // 1 + 2 sheets
  CHECK(documents_of(runs[2]) == Indices{4});
  CHECK(runs[1].pieces[1].id == "R0002-000002");
  CHECK(runs[2].pieces[0].id == "R0003-000001");
  CHECK(documents_of(runs[3]) == Indices{1});
  CHECK(documents_of(runs[4]) == Indices{5});  // 10 sheets, alone
  CHECK(runs[4].sheet_count() == 10);
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
  builder.add("D1", 1, erika()).add("D2", 1, at_postcode("10115"), heavy);
  try {
    plan_runs(builder.job(), catalog(), PlanOptions{});
    FAIL("no error thrown");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::internal);
    CHECK(std::string(e.what()) ==
          "job \"test-job\": document \"D2\": field \"paper\": "
          "paper profile \"a4-120\" is not in the profile catalogue");
  }
}

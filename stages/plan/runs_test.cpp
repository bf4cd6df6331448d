#include "stages/plan/runs.hpp"

#include <catch2/catch.hpp>

#include "stages/plan/consolidate.hpp"
#include "stages/plan/pieces.hpp"
#include "tests/support/planning_jobs.hpp"

using namespace kuvert;
using namespace kuvert::test;

namespace {

using Indices = std::vector<std::uint32_t>;

// Adds a document of `sheets` duplex sheets to its own recipient at `postcode`.
void add(JobBuilder& builder, std::uint32_t sheets, const std::string& postcode, const ProductionSettings& settings = {}) {
  builder.add(2 * sheets, recipient(std::to_string(builder.job().documents.size()), postcode), settings);
}

std::vector<PrintRun> runs_of(const Job& job, std::size_t max_sheets) {
  return form_runs(job, consolidate(job, catalog()), catalog(), {.max_sheets = max_sheets});
}

// The documents of a run's pieces, in order.
Indices documents_of(const PrintRun& run) {
  Indices out;
  for (std::size_t i = 0; i < run.pieces.size(); ++i) out.insert(out.end(), run.pieces[i].begin(), run.pieces[i].end());
  return out;
}

ProductionSettings flat() {
  ProductionSettings s;
  s.envelope = "c4";
  return s;
}

}  // namespace

TEST_CASE("run and piece ids are zero-padded and sortable", "[plan][runs]") {
  CHECK(run_id(1) == "R0001");
  CHECK(run_id(12) == "R0012");
  CHECK(run_id(3, 'N') == "N0003");
  CHECK(piece_id("R0003", 42) == "R0003-000042");
  CHECK(piece_id("R0001", 1) == "R0001-000001");
}

TEST_CASE("run_settings takes the chosen envelope and the manual flag", "[plan][runs]") {
  JobBuilder builder;
  add(builder, 70, "39104", with_inserts({"feeder-1"}));
  const Indices first{0};
  const RunSettings s = run_settings(make_piece(builder.job(), first, catalog()));
  CHECK(s.paper == "a4-80");
  CHECK(s.sides == Sides::duplex);
  CHECK(s.envelope == "c4");
  CHECK(s.inserter == "generic-omr");
  CHECK(s.inserts == std::vector<std::string>{"feeder-1"});
  CHECK(s.manual);
}

TEST_CASE("pieces are grouped by settings in order of first appearance, manual runs last", "[plan][runs]") {
  JobBuilder builder;
  add(builder, 70, "10115");  // 0: manual
  add(builder, 1, "39104");   // 1
  add(builder, 9, "39104");   // 2: over the fold limit, flat
  add(builder, 2, "01067");   // 3
  add(builder, 1, "20095", with_inserts({"feeder-1"}));  // 4
  const auto runs = runs_of(builder.job(), 2000);
  REQUIRE(runs.size() == 4);
  CHECK(runs[0].id == "R0001");
  CHECK(documents_of(runs[0]) == Indices{3, 1});  // presorted: 01067 before 39104
  CHECK(runs[0].settings.envelope == "c6-5");
  CHECK(runs[0].settings.inserts.empty());
  CHECK(runs[0].sheet_count == 3);
  CHECK(runs[1].id == "R0002");
  CHECK(documents_of(runs[1]) == Indices{2});
  CHECK(runs[1].settings.envelope == "c4");
  CHECK(runs[2].id == "R0003");
  CHECK(documents_of(runs[2]) == Indices{4});
  CHECK(runs[2].settings.inserts == std::vector<std::string>{"feeder-1"});
  CHECK(runs[3].id == "R0004");
  CHECK(documents_of(runs[3]) == Indices{0});
  CHECK(runs[3].settings.manual);
  CHECK_FALSE(runs[0].settings.manual);
}

TEST_CASE("a run is split before the piece that would exceed max_sheets", "[plan][runs]") {
  JobBuilder builder;
  for (const auto& [sheets, postcode] : std::vector<std::pair<std::uint32_t, std::string>>{
           {4, "01001"}, {4, "01002"}, {4, "01003"}, {12, "01004"}, {1, "01005"}, {5, "01006"}, {4, "01007"}, {1, "01008"}})
    add(builder, sheets, postcode, flat());
  const auto runs = runs_of(builder.job(), 10);
  REQUIRE(runs.size() == 5);
  CHECK(documents_of(runs[0]) == Indices{0, 1});
  CHECK(runs[0].sheet_count == 8);
  CHECK(documents_of(runs[1]) == Indices{2});
  CHECK(documents_of(runs[2]) == Indices{3});  // larger than max_sheets: a run of its own
  CHECK(runs[2].sheet_count == 12);
  CHECK(documents_of(runs[3]) == Indices{4, 5, 6});
  CHECK(runs[3].sheet_count == 10);  // exactly at the limit
  CHECK(documents_of(runs[4]) == Indices{7});
  for (std::size_t i = 0; i < runs.size(); ++i) {
    CHECK(runs[i].settings == runs[0].settings);
    CHECK(runs[i].part == i + 1);
    CHECK(runs[i].parts == 5);
  }
}

TEST_CASE("pieces are numbered continuously within each run", "[plan][runs]") {
  JobBuilder builder;
  add(builder, 3, "39104");
  add(builder, 3, "01067");
  add(builder, 3, "10115");
  add(builder, 3, "20095");
  add(builder, 3, "80331", flat());
  const Job& job = builder.job();
  const auto runs = runs_of(job, 6);
  REQUIRE(runs.size() == 3);
  CHECK(documents_of(runs[0]) == Indices{1, 2});
  CHECK(documents_of(runs[1]) == Indices{3, 0});
  CHECK(documents_of(runs[2]) == Indices{4});
  const auto first = run_pieces(job, runs[0], catalog());
  CHECK(first[0].sequence == 1);
  CHECK(first[0].id == "R0001-000001");
  CHECK(first[1].sequence == 2);
  CHECK(first[1].id == "R0001-000002");
  const auto second = run_pieces(job, runs[1], catalog());
  CHECK(second[0].id == "R0002-000001");
  CHECK(second[1].id == "R0002-000002");
  CHECK(run_pieces(job, runs[2], catalog())[0].id == "R0003-000001");
}

TEST_CASE("no pieces make no runs", "[plan][runs]") { CHECK(runs_of(Job{}, 2000).empty()); }

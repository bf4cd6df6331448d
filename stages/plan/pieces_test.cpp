#include "stages/plan/pieces.hpp"

#include <catch2/catch.hpp>

#include "pipeline/model/error.hpp"
#include "tests/support/planning_jobs.hpp"

using namespace kuvert;
using namespace kuvert::test;

namespace {

using Indices = std::vector<std::uint32_t>;
using Names = std::vector<std::string>;

}  // namespace

TEST_CASE("make_piece counts sheets over its documents and weighs the piece", "[plan][pieces]") {
  JobBuilder builder;
  builder.add(3, erika()).add(2, erika()).add(1, recipient("max", "10115"));
  const Job& job = builder.job();
  const Indices documents{0, 1};
  const MailPiece piece = make_piece(job, documents, catalog());
  CHECK(piece.documents == documents);
  CHECK(piece.lead == &job.documents[0]);
  CHECK(piece.sheet_count == 3);  // 2 (the third page on a blank back) + 1
  CHECK(piece.envelope == "c6-5");
  CHECK(piece.weight_g == Approx(19.97));
  CHECK(piece.product == "Standardbrief");
}

TEST_CASE("a piece takes the union of its documents' inserts in feeder order", "[plan][pieces]") {
  JobBuilder builder;
  builder.add(1, erika(), with_inserts({"feeder-2"}))
      .add(1, erika(), with_inserts({"feeder-2", "feeder-1"}))
      .add(1, erika());
  const Indices documents{0, 1, 2};
  const MailPiece piece = make_piece(builder.job(), documents, catalog());
  CHECK(piece.inserts == Names{"feeder-1", "feeder-2"});
  CHECK(piece.weight_g == Approx(3 * 4.99 + 5 + 4 + 6));
}

TEST_CASE("make_piece reports an inserter or feeder missing from the catalogue as internal", "[plan][pieces]") {
  ProductionSettings unknown_inserter;
  unknown_inserter.inserter = "nope";
  JobBuilder builder;
  builder.add(1, erika(), unknown_inserter);
  const Indices first{0};
  try {
    make_piece(builder.job(), first, catalog());
    FAIL("no error thrown");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::internal);
    CHECK(std::string(e.what()) ==
          "job \"test-job\": document \"#1\": field \"inserter\": "
          "inserter profile \"nope\" is not in the profile catalogue");
  }

  JobBuilder feeders;
  feeders.add(1, erika(), with_inserts({"feeder-9"}));
  try {
    make_piece(feeders.job(), first, catalog());
    FAIL("no error thrown");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::internal);
    CHECK(std::string(e.what()) ==
          "job \"test-job\": document \"#1\": field \"inserts\": "
          "inserter \"generic-omr\" has no feeder station \"feeder-9\"");
  }
}

TEST_CASE("run_pieces numbers a run's pieces and gives them ids", "[plan][pieces]") {
  JobBuilder builder;
  builder.add(1, erika()).add(1, recipient("max", "10115"));
  PrintRun run;
  run.id = "R0007";
  run.settings = RunSettings{"a4-80", Sides::duplex, "c6-5", "generic-omr", {}, false};
  run.pieces = PieceDocuments({1, 0}, {0, 1});
  const auto pieces = run_pieces(builder.job(), run, catalog());
  REQUIRE(pieces.size() == 2);
  CHECK(pieces[0].documents == Indices{1});
  CHECK(pieces[0].sequence == 1);
  CHECK(pieces[0].id == "R0007-000001");
  CHECK(pieces[1].id == "R0007-000002");

  run.settings.envelope = "c4";  // planned otherwise: the job changed under the plan
  CHECK_THROWS_AS(run_pieces(builder.job(), run, catalog()), Error);
}

#include "stages/plan/consolidate.hpp"

#include <catch2/catch.hpp>

#include "stages/plan/pieces.hpp"
#include "tests/support/planning_jobs.hpp"

using namespace kuvert;
using namespace kuvert::test;

namespace {

using Indices = std::vector<std::uint32_t>;

// Each piece's documents.
std::vector<Indices> pieces_of(const Job& job) {
  const PieceDocuments pieces = consolidate(job, catalog());
  std::vector<Indices> out;
  for (std::size_t i = 0; i < pieces.size(); ++i) out.emplace_back(pieces[i].begin(), pieces[i].end());
  return out;
}

}  // namespace

TEST_CASE("documents to one recipient share a piece, in delivery order", "[plan][consolidate]") {
  JobBuilder builder;
  builder.add(2, erika())
      .add(1, recipient("max", "10115"))
      .add(3, erika())
      .add(1, recipient("eva", "39104"))  // another recipient at the same postcode
      .add(1, erika());
  CHECK(pieces_of(builder.job()) == std::vector<Indices>{{0, 2, 4}, {1}, {3}});
}

TEST_CASE("sensitive documents and those that forbid consolidation travel alone", "[plan][consolidate]") {
  ProductionSettings sensitive;
  sensitive.sensitive = true;
  ProductionSettings alone;
  alone.consolidate = false;
  JobBuilder builder;
  builder.add(1, erika()).add(1, erika(), sensitive).add(1, erika(), alone).add(1, erika()).add(1, erika(), sensitive);
  CHECK(pieces_of(builder.job()) == std::vector<Indices>{{0, 3}, {1}, {2}, {4}});
}

TEST_CASE("documents with different production settings are not merged", "[plan][consolidate]") {
  ProductionSettings flat;
  flat.envelope = "c4";
  ProductionSettings other_paper;
  other_paper.paper = "a4-100";
  JobBuilder builder;
  builder.add(1, erika()).add(1, erika(), simplex()).add(1, erika(), flat).add(1, erika(), other_paper).add(1, erika(), simplex());
  CHECK(pieces_of(builder.job()) == std::vector<Indices>{{0}, {1, 4}, {2}, {3}});
}

TEST_CASE("documents with different inserts still share a piece", "[plan][consolidate]") {
  JobBuilder builder;
  builder.add(1, erika(), with_inserts({"feeder-2"})).add(1, erika(), with_inserts({"feeder-1"})).add(1, erika());
  CHECK(pieces_of(builder.job()) == std::vector<Indices>{{0, 1, 2}});
}

TEST_CASE("a recipient's letters fill pieces up to the flat limit, then begin another", "[plan][consolidate]") {
  JobBuilder builder;
  for (int i = 0; i < 52; ++i) builder.add(10, erika());  // 5 sheets each, 260 sheets in all
  const auto pieces = pieces_of(builder.job());
  REQUIRE(pieces.size() == 5);  // 60 sheets flat is the most the inserter takes
  std::uint32_t next = 0;
  for (std::size_t p = 0; p < pieces.size(); ++p) {
    CHECK(pieces[p].size() == (p < 4 ? 12u : 4u));
    for (const auto document : pieces[p]) CHECK(document == next++);  // delivery order kept
    const MailPiece piece = make_piece(builder.job(), pieces[p], catalog());
    CHECK_FALSE(piece.manual);
    CHECK(piece.postage_cents > 0);
  }
}

TEST_CASE("in a folded envelope a recipient's pieces stop at the fold limit", "[plan][consolidate]") {
  ProductionSettings folded;
  folded.envelope = "c6-5";
  JobBuilder builder;
  for (int i = 0; i < 20; ++i) builder.add(2, erika(), folded);
  const auto pieces = pieces_of(builder.job());
  REQUIRE(pieces.size() == 3);
  CHECK(pieces[0].size() == 8);
  CHECK(pieces[1].size() == 8);
  CHECK(pieces[2].size() == 4);
}

TEST_CASE("a letter too thick for the inserter travels alone, and the recipient's others go on", "[plan][consolidate]") {
  JobBuilder builder;
  builder.add(130, erika()).add(2, erika()).add(2, erika());  // 65 sheets, then 1 and 1
  const auto pieces = pieces_of(builder.job());
  CHECK(pieces == std::vector<Indices>{{0}, {1, 2}});
  CHECK(make_piece(builder.job(), pieces[0], catalog()).manual);
}

TEST_CASE("consolidation of no documents is no pieces", "[plan][consolidate]") {
  CHECK(consolidate(Job{}, catalog()).empty());
}

TEST_CASE("order_inserts sorts by feeder station and drops repeats", "[plan][consolidate]") {
  const auto inserter = catalog().inserters.at("generic-omr");
  CHECK(order_inserts({"feeder-2", "feeder-1", "feeder-2"}, inserter, Where{}) ==
        std::vector<std::string>{"feeder-1", "feeder-2"});
  CHECK(order_inserts({}, inserter, Where{}).empty());
}

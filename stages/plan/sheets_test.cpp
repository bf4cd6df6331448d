#include "stages/plan/sheets.hpp"

#include <catch2/catch.hpp>

#include "tests/support/planning_jobs.hpp"

using namespace kuvert;
using namespace kuvert::test;

namespace {

MailPiece piece_for(const Job& job, std::vector<std::uint32_t> documents) {
  MailPiece piece;
  piece.documents = std::move(documents);
  piece.lead = &job.documents.at(piece.documents.front());
  piece.production = &job.settings_of(*piece.lead);
  return piece;
}

}  // namespace

TEST_CASE("duplex pairs pages and starts every document on a front side", "[plan][sheets]") {
  JobBuilder builder;
  builder.add(3, erika()).add(2, erika()).add(1, erika());
  const Job& job = builder.job();
  const auto sheets = lay_out_sheets(job, piece_for(job, {0, 1, 2}), nullptr);
  REQUIRE(sheets.size() == 4);
  CHECK(sheets[0].front == PageRef{0, 0});
  CHECK(sheets[0].back == PageRef{0, 1});
  CHECK(sheets[1].front == PageRef{0, 2});
  CHECK_FALSE(sheets[1].back.has_value());  // D1 has 3 pages: blank back
  CHECK(sheets[2].front == PageRef{0, 3});  // D2 starts on a front
  CHECK(sheets[2].back == PageRef{0, 4});
  CHECK(sheets[3].front == PageRef{0, 5});
  CHECK_FALSE(sheets[3].back.has_value());
}

TEST_CASE("simplex puts one page on the front of each sheet", "[plan][sheets]") {
  JobBuilder builder;
  builder.add(3, erika(), simplex()).add(1, erika(), simplex());
  const Job& job = builder.job();
  const auto sheets = lay_out_sheets(job, piece_for(job, {0, 1}), nullptr);
  REQUIRE(sheets.size() == 4);
  for (std::uint32_t i = 0; i < 4; ++i) {
    CHECK(sheets[i].front == PageRef{0, i});
    CHECK_FALSE(sheets[i].back.has_value());
  }
}

TEST_CASE("sheets follow the documents' order in the piece, not in the file", "[plan][sheets]") {
  JobBuilder builder;
  builder.add(2, erika()).add(1, erika());
  const Job& job = builder.job();
  const auto sheets = lay_out_sheets(job, piece_for(job, {1, 0}), nullptr);
  REQUIRE(sheets.size() == 2);
  CHECK(sheets[0].front == PageRef{0, 2});
  CHECK_FALSE(sheets[0].back.has_value());
  CHECK(sheets[1].front == PageRef{0, 0});
  CHECK(sheets[1].back == PageRef{0, 1});
}

TEST_CASE("a document's sheet count depends on its sides", "[plan][sheets]") {
  Document three;
  three.page_count = 3;
  CHECK(sheet_count(three, Sides::duplex) == 2);
  CHECK(sheet_count(three, Sides::simplex) == 3);
  Document two;
  two.page_count = 2;
  CHECK(sheet_count(two, Sides::duplex) == 1);
}

TEST_CASE("the address sheet is printed where the inserter puts it in front of the window", "[plan][sheets]") {
  JobBuilder builder;
  builder.add(3, erika()).add(2, erika());
  const Job& job = builder.job();
  const auto piece = piece_for(job, {0, 1});
  InserterProfile inserter;
  const auto first_fronts = [&] {
    std::vector<std::uint32_t> pages;
    for (const auto& sheet : lay_out_sheets(job, piece, &inserter)) pages.push_back(sheet.front->page);
    return pages;
  };
  using Pages = std::vector<std::uint32_t>;

  // Taken first, laid beneath the others: in front of the window.
  CHECK(first_fronts() == Pages{0, 2, 3});
  // Laid on top of the sheets before it: the address sheet is taken last,
  // and the sheets before it in reverse so that they read in order.
  inserter.collation = SetCollation::reverse;
  CHECK(first_fronts() == Pages{3, 2, 0});
  // Taken from the run's last printed sheet: printing reversed twice.
  inserter.order = CollationOrder::reverse;
  CHECK(first_fronts() == Pages{0, 2, 3});
  inserter.collation = SetCollation::forward;
  CHECK(first_fronts() == Pages{3, 2, 0});
  // Hand-finished pieces keep reading order.
  CHECK(lay_out_sheets(job, piece, nullptr).front().front == PageRef{0, 0});
}

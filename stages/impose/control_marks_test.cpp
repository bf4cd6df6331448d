#include "stages/impose/control_marks.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "pipeline/model/error.hpp"
#include "tests/support/profile_fixtures.hpp"

using kuvert::SheetContext;
using kuvert::test::generic_omr;
using Bars = std::vector<bool>;

namespace {

// generic-omr positions: 0 start, 1 insert, 2 feeder 1, 3 feeder 2,
// 4-6 sequence 4 2 1, 7 parity, 8 safety.
constexpr std::size_t kStart = 0, kInsert = 1, kFeeder1 = 2, kFeeder2 = 3, kParity = 7, kSafety = 8;

SheetContext sheet(std::uint32_t in_run, std::uint32_t run_sheets, std::uint32_t in_piece, std::uint32_t piece_sheets,
                   std::vector<int> feeders = {}) {
  SheetContext context;
  context.run_id = "R0001";
  context.piece_id = "R0001-000001";
  context.sheet_in_run = in_run;
  context.run_sheets = run_sheets;
  context.sheet_in_piece = in_piece;
  context.piece_sheets = piece_sheets;
  context.feeder_stations = std::move(feeders);
  return context;
}

// The sequence value shown by bars 4-6 (weights 4, 2, 1).
int sequence(const Bars& bars) { return (bars[4] ? 4 : 0) + (bars[5] ? 2 : 0) + (bars[6] ? 1 : 0); }

int count(const Bars& bars) { return static_cast<int>(std::count(bars.begin(), bars.end(), true)); }

}  // namespace

TEST_CASE("generic-omr bars for whole sheets", "[impose][omr]") {
  const auto profile = generic_omr();
  // Last sheet of a piece with feeder 1, sixth in the run: start, insert,
  // feeder 1, sequence 5 (4 + 1), safety = 6 bars, even: no parity bar.
  CHECK(kuvert::omr_bars(profile, sheet(6, 10, 2, 2, {1})) == Bars{1, 1, 1, 0, 1, 0, 1, 0, 1});
  // First sheet of two, second in the run: start, sequence 1, safety = 3
  // bars, so parity adds a fourth.
  CHECK(kuvert::omr_bars(profile, sheet(2, 10, 1, 2)) == Bars{1, 0, 0, 0, 0, 0, 1, 1, 1});
}

TEST_CASE("start and safety are always printed, divert and stop never on a piece's sheet", "[impose][omr]") {
  auto profile = generic_omr();
  profile.positions.push_back({kuvert::MarkFunction::divert, 0, 0});
  profile.positions.push_back({kuvert::MarkFunction::stop, 0, 0});
  for (std::uint32_t s = 1; s <= 12; ++s) {
    const auto bars = kuvert::omr_bars(profile, sheet(s, 12, (s - 1) % 3 + 1, 3, {1, 2}));
    INFO("sheet " << s);
    REQUIRE(bars.size() == 11);
    CHECK(bars[kStart]);
    CHECK(bars[kSafety]);
    CHECK_FALSE(bars[9]);
    CHECK_FALSE(bars[10]);
  }
}

TEST_CASE("the insert mark is on the last sheet, or the first with begin of collation", "[impose][omr]") {
  auto profile = generic_omr();
  CHECK_FALSE(kuvert::omr_bars(profile, sheet(1, 3, 1, 3))[kInsert]);
  CHECK_FALSE(kuvert::omr_bars(profile, sheet(2, 3, 2, 3))[kInsert]);
  CHECK(kuvert::omr_bars(profile, sheet(3, 3, 3, 3))[kInsert]);
  CHECK(kuvert::omr_bars(profile, sheet(1, 1, 1, 1))[kInsert]);

  profile.collation_mark = kuvert::CollationMark::begin_of_collation;
  CHECK(kuvert::omr_bars(profile, sheet(1, 3, 1, 3))[kInsert]);
  CHECK_FALSE(kuvert::omr_bars(profile, sheet(2, 3, 2, 3))[kInsert]);
  CHECK_FALSE(kuvert::omr_bars(profile, sheet(3, 3, 3, 3))[kInsert]);
}

TEST_CASE("negative logic prints the insert mark on every other sheet", "[impose][omr]") {
  auto profile = generic_omr();
  profile.logic = kuvert::MarkLogic::negative;
  CHECK(kuvert::omr_bars(profile, sheet(1, 3, 1, 3))[kInsert]);
  CHECK(kuvert::omr_bars(profile, sheet(2, 3, 2, 3))[kInsert]);
  CHECK_FALSE(kuvert::omr_bars(profile, sheet(3, 3, 3, 3))[kInsert]);
  CHECK_FALSE(kuvert::omr_bars(profile, sheet(1, 1, 1, 1))[kInsert]);
}

TEST_CASE("feeder marks are on the collation sheet of pieces that use the station", "[impose][omr]") {
  auto profile = generic_omr();
  const auto first = kuvert::omr_bars(profile, sheet(1, 2, 1, 2, {2}));
  const auto last = kuvert::omr_bars(profile, sheet(2, 2, 2, 2, {2}));
  CHECK_FALSE(first[kFeeder1]);
  CHECK_FALSE(first[kFeeder2]);
  CHECK_FALSE(last[kFeeder1]);
  CHECK(last[kFeeder2]);
  const auto both = kuvert::omr_bars(profile, sheet(1, 1, 1, 1, {1, 2}));
  CHECK(both[kFeeder1]);
  CHECK(both[kFeeder2]);
  // Negative logic inverts the insert mark only.
  profile.logic = kuvert::MarkLogic::negative;
  CHECK_FALSE(kuvert::omr_bars(profile, sheet(1, 2, 1, 2, {2}))[kFeeder2]);
  CHECK(kuvert::omr_bars(profile, sheet(2, 2, 2, 2, {2}))[kFeeder2]);
}

TEST_CASE("the sequence counts sheets of the run modulo 8", "[impose][omr]") {
  const auto profile = generic_omr();
  const std::vector<int> expected = {0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7, 0, 1};
  for (std::uint32_t s = 1; s <= expected.size(); ++s) {
    INFO("sheet " << s);
    CHECK(sequence(kuvert::omr_bars(profile, sheet(s, 18, 1, 1))) == expected[s - 1]);
  }
}

TEST_CASE("the sequence counts down from 7 when the direction is down", "[impose][omr]") {
  auto profile = generic_omr();
  profile.sequence_direction = kuvert::SequenceDirection::down;
  const std::vector<int> expected = {7, 6, 5, 4, 3, 2, 1, 0, 7, 6};
  for (std::uint32_t s = 1; s <= expected.size(); ++s) {
    INFO("sheet " << s);
    CHECK(sequence(kuvert::omr_bars(profile, sheet(s, 10, 1, 1))) == expected[s - 1]);
  }
}

TEST_CASE("a sequence of 2 bits wraps at 4", "[impose][omr]") {
  auto profile = generic_omr();
  profile.positions.erase(profile.positions.begin() + 4);  // drop weight 4: weights 2, 1 at 4 and 5
  const std::vector<int> expected = {0, 1, 2, 3, 0, 1};
  for (std::uint32_t s = 1; s <= expected.size(); ++s) {
    const auto bars = kuvert::omr_bars(profile, sheet(s, 6, 1, 1));
    INFO("sheet " << s);
    CHECK((bars[4] ? 2 : 0) + (bars[5] ? 1 : 0) == expected[s - 1]);
  }
}

TEST_CASE("the parity bar makes every sheet's bar count even, or odd", "[impose][omr]") {
  auto profile = generic_omr();
  for (const auto parity : {kuvert::Parity::even, kuvert::Parity::odd}) {
    profile.parity = parity;
    int with_parity_bar = 0;
    for (std::uint32_t s = 1; s <= 40; ++s) {
      for (std::uint32_t pieces : {1u, 2u, 5u}) {
        const std::vector<int> feeders = s % 3 == 0   ? std::vector<int>{1}
                                         : s % 3 == 1 ? std::vector<int>{1, 2}
                                                      : std::vector<int>{};
        const auto bars = kuvert::omr_bars(profile, sheet(s, 40, (s - 1) % pieces + 1, pieces, feeders));
        INFO("sheet " << s << " of pieces of " << pieces);
        CHECK(count(bars) % 2 == (parity == kuvert::Parity::even ? 0 : 1));
        with_parity_bar += bars[kParity] ? 1 : 0;
      }
    }
    // Both outcomes occur, so the parity bar is computed and not constant.
    CHECK(with_parity_bar > 10);
    CHECK(with_parity_bar < 110);
  }
}

TEST_CASE("no parity bar and no position for it with parity none", "[impose][omr]") {
  auto profile = generic_omr();
  profile.parity = kuvert::Parity::none;
  profile.positions.erase(profile.positions.begin() + kParity);
  CHECK(kuvert::omr_bars(profile, sheet(2, 10, 1, 2)) == Bars{1, 0, 0, 0, 0, 0, 1, 1});
}

TEST_CASE("reverse order counts in feed order and closes pieces at their first printed sheet", "[impose][omr]") {
  auto profile = generic_omr();
  profile.order = kuvert::CollationOrder::reverse;
  // A run of 10 sheets is fed from sheet 10 down: sheet 10 is feed 1 (value 0),
  // sheet 1 is feed 10 (value 9 mod 8 = 1).
  CHECK(sequence(kuvert::omr_bars(profile, sheet(10, 10, 3, 3))) == 0);
  CHECK(sequence(kuvert::omr_bars(profile, sheet(9, 10, 2, 3))) == 1);
  CHECK(sequence(kuvert::omr_bars(profile, sheet(1, 10, 1, 3))) == 1);
  // Printed sheets 1-3 of a piece arrive as 3, 2, 1: the piece ends at printed sheet 1.
  CHECK(kuvert::omr_bars(profile, sheet(1, 10, 1, 3, {1}))[kInsert]);
  CHECK(kuvert::omr_bars(profile, sheet(1, 10, 1, 3, {1}))[kFeeder1]);
  CHECK_FALSE(kuvert::omr_bars(profile, sheet(3, 10, 3, 3, {1}))[kInsert]);
  CHECK_FALSE(kuvert::omr_bars(profile, sheet(3, 10, 3, 3, {1}))[kFeeder1]);
  // ... and begins at printed sheet 3.
  profile.collation_mark = kuvert::CollationMark::begin_of_collation;
  CHECK(kuvert::omr_bars(profile, sheet(3, 10, 3, 3))[kInsert]);
  CHECK_FALSE(kuvert::omr_bars(profile, sheet(1, 10, 1, 3))[kInsert]);
}

TEST_CASE("sheet counts that contradict each other are a bug", "[impose][omr]") {
  const auto profile = generic_omr();
  for (const auto& bad : {sheet(0, 10, 1, 1), sheet(11, 10, 1, 1), sheet(1, 10, 3, 2), sheet(1, 10, 0, 2)}) {
    try {
      kuvert::omr_bars(profile, bad);
      FAIL("accepted sheet " << bad.sheet_in_run << "/" << bad.run_sheets << ", " << bad.sheet_in_piece << "/"
                             << bad.piece_sheets);
    } catch (const kuvert::Error& error) {
      CHECK(error.kind() == kuvert::ErrorKind::internal);
    }
  }
  try {
    kuvert::omr_bars(profile, sheet(11, 10, 1, 1));
  } catch (const kuvert::Error& error) {
    CHECK(std::string(error.what()) ==
          "record \"R0001-000001\": inconsistent sheet counts: sheet 11 of 10 in run "
          "R0001, sheet 1 of 1 in its piece");
  }
}

TEST_CASE("a divert sheet carries start, divert, safety and parity, and no piece's marks", "[impose][omr]") {
  auto profile = generic_omr();
  profile.positions.insert(profile.positions.begin() + 7, {kuvert::MarkFunction::divert, 0, 0});
  // Positions now: 0 start, 1 insert, 2-3 feeders, 4-6 sequence, 7 divert,
  // 8 parity, 9 safety. Whatever the feeders say, the banner shows start,
  // divert, safety, and the sequence of the sheet before the run's first
  // (7: the counter wraps) = 6 bars, even: no parity bar.
  for (const auto& context : {sheet(1, 1, 1, 1, {1, 2}), sheet(1, 10, 1, 1, {1})}) {
    auto banner = context;
    banner.divert = true;
    CHECK(kuvert::omr_bars(profile, banner) == Bars{1, 0, 0, 0, 1, 1, 1, 1, 0, 1});
  }
  auto banner = sheet(1, 10, 1, 1);
  banner.divert = true;
  profile.parity = kuvert::Parity::odd;
  CHECK(kuvert::omr_bars(profile, banner) == Bars{1, 0, 0, 0, 1, 1, 1, 1, 1, 1});
  // Fed after the run's 10 sheets in reverse order: sequence 10 mod 8 = 2.
  profile.order = kuvert::CollationOrder::reverse;
  CHECK(sequence(kuvert::omr_bars(profile, banner)) == 2);
  // Counting down, the sheet before the first (7) shows 0.
  profile.order = kuvert::CollationOrder::normal;
  profile.sequence_direction = kuvert::SequenceDirection::down;
  CHECK(sequence(kuvert::omr_bars(profile, banner)) == 0);
  // With negative logic the insert mark says "closes no piece": printed.
  profile.logic = kuvert::MarkLogic::negative;
  CHECK(kuvert::omr_bars(profile, banner)[kInsert]);
}

TEST_CASE("on a profile without a divert position a divert sheet carries no bar", "[impose][omr]") {
  const auto profile = generic_omr();
  REQUIRE_FALSE(kuvert::has_divert_position(profile));
  auto banner = sheet(1, 1, 1, 1, {1});
  banner.divert = true;
  CHECK(count(kuvert::omr_bars(profile, banner)) == 0);
}

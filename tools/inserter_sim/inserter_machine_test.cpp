#include "tools/inserter_sim/inserter_machine.hpp"

#include <catch2/catch.hpp>
#include <map>

#include "stages/impose/control_marks.hpp"

using namespace kuvert;
using namespace kuvert::inserter_sim;

namespace {

std::map<std::string, std::string> named(const std::map<std::string, InsertStatus>& statuses) {
  std::map<std::string, std::string> names;
  for (const auto& [piece, status] : statuses) names[piece] = std::string(name(status));
  return names;
}

// A run of pieces with these sheet counts, each sheet's DataMatrix as the
// imposer writes it ("K-R0001-00000N|Snn/mm|F").
struct DataMatrixRun {
  explicit DataMatrixRun(const std::vector<std::uint32_t>& sheets, CollationOrder order = CollationOrder::normal) {
    profile.code = CodeKind::datamatrix;
    profile.order = order;
    run.profile = &profile;
    for (std::size_t p = 0; p < sheets.size(); ++p) {
      const std::string id = "K-R0001-00000" + std::to_string(p + 1);
      run.pieces.push_back({id, sheets[p], {}});
      for (std::uint32_t s = 1; s <= sheets[p]; ++s) {
        codes.push_back(decode_datamatrix(id + "|S0" + std::to_string(s) + "/0" + std::to_string(sheets[p]) + "|F"));
        piece_of.push_back(p);
      }
    }
    run.sheets = codes.size();
  }

  // The last status of every piece, as kuvert reads the file.
  std::map<std::string, std::string> statuses(const std::vector<Fault>& faults = {}) {
    events = run_inserter(run, feed_stack(feed_order(profile, codes.size()), piece_of, faults), codes);
    return named(last_statuses(events));
  }

  InserterProfile profile;
  MachineRun run;
  std::vector<SheetCode> codes;
  std::vector<std::size_t> piece_of;
  std::vector<PieceEvent> events;
};

const std::string P1 = "K-R0001-000001", P2 = "K-R0001-000002", P3 = "K-R0001-000003", P4 = "K-R0001-000004",
                  P5 = "K-R0001-000005";

}  // namespace

TEST_CASE("An inserter inserts whole pieces and diverts the ones a fault leaves incomplete", "[inserter-sim]") {
  DataMatrixRun run({2, 3, 1, 2, 1});  // sheets 1-2, 3-5, 6, 7-8, 9
  using M = std::map<std::string, std::string>;
  CHECK(run.statuses() == M{{P1, "ok"}, {P2, "ok"}, {P3, "ok"}, {P4, "ok"}, {P5, "ok"}});
  CHECK(run.events.size() == 5);
  // A lost middle sheet: its piece diverted, the others go on.
  CHECK(run.statuses({{FaultKind::lost, 4}}) == M{{P1, "ok"}, {P2, "damaged"}, {P3, "ok"}, {P4, "ok"}, {P5, "ok"}});
  // A lost single-sheet piece never reaches the machine: missing.
  CHECK(run.statuses({{FaultKind::lost, 6}}) == M{{P1, "ok"}, {P2, "ok"}, {P3, "missing"}, {P4, "ok"}, {P5, "ok"}});
  // A double feed of a piece's last sheet and the next piece's first: both diverted.
  CHECK(run.statuses({{FaultKind::double_feed, 2}}) ==
        M{{P1, "damaged"}, {P2, "damaged"}, {P3, "ok"}, {P4, "ok"}, {P5, "ok"}});
  CHECK(run.events.front().station == "double-detect");
  CHECK(run.statuses({{FaultKind::torn, 7}}) == M{{P1, "ok"}, {P2, "ok"}, {P3, "ok"}, {P4, "damaged"}, {P5, "ok"}});
  // Two sheets of one piece swapped; and across two pieces.
  CHECK(run.statuses({{FaultKind::shuffle, 3}}) == M{{P1, "ok"}, {P2, "damaged"}, {P3, "ok"}, {P4, "ok"}, {P5, "ok"}});
  CHECK(run.statuses({{FaultKind::shuffle, 2}}) ==
        M{{P1, "damaged"}, {P2, "damaged"}, {P3, "ok"}, {P4, "ok"}, {P5, "ok"}});
  CHECK(run.events.size() == 5);  // one line for each piece: stray sheets of a diverted piece follow it
  // Piece 3 (one sheet) before piece 2's last: whole, so inserted.
  CHECK(run.statuses({{FaultKind::shuffle, 5}}) == M{{P1, "ok"}, {P2, "damaged"}, {P3, "ok"}, {P4, "ok"}, {P5, "ok"}});
  // A piece printed twice: the second one is a duplicate.
  CHECK(run.statuses({{FaultKind::twice, 6}}) == M{{P1, "ok"}, {P2, "ok"}, {P3, "duplicate"}, {P4, "ok"}, {P5, "ok"}});
  // A jam on piece 4's first sheet ends the run: it and the two pieces
  // before it in the track are taken out, the last never comes.
  CHECK(run.statuses({{FaultKind::jam, 7}}) ==
        M{{P1, "ok"}, {P2, "damaged"}, {P3, "damaged"}, {P4, "damaged"}, {P5, "missing"}});
  CHECK(run.events.back().note == "no sheet of it was read");
}

TEST_CASE("A piece seen again after it was inserted is a duplicate, even when the copy is diverted", "[inserter-sim]") {
  DataMatrixRun run({2, 1});
  // A stray copy of piece 1's first sheet where piece 2 should be: the
  // copy cannot be inserted, but piece 1 is in its envelope already.
  run.codes[2] = decode_datamatrix(P1 + "|S01/02|F");
  using M = std::map<std::string, std::string>;
  CHECK(run.statuses() == M{{P1, "duplicate"}, {P2, "missing"}});
  CHECK(run.events.at(1).note == "seen again after it was inserted, diverted: the run ended before its last sheet");
}

TEST_CASE("A reverse-order inserter takes the last printed sheet first", "[inserter-sim]") {
  DataMatrixRun run({2, 3}, CollationOrder::reverse);
  using M = std::map<std::string, std::string>;
  CHECK(run.statuses() == M{{P1, "ok"}, {P2, "ok"}});
  CHECK(run.events.front().piece == P2);
  // Fed first: piece 2's sheets 3, 2, 1; sheet 2 as fed is its second printed.
  CHECK(run.statuses({{FaultKind::lost, 2}}) == M{{P1, "ok"}, {P2, "damaged"}});
}

TEST_CASE("An unreadable code diverts the piece being gathered", "[inserter-sim]") {
  DataMatrixRun run({2, 1});
  run.codes[1] = unreadable("no code read");
  using M = std::map<std::string, std::string>;
  CHECK(run.statuses() == M{{P1, "damaged"}, {P2, "ok"}});
  CHECK(run.events.front().note == "diverted: a sheet could not be read (no code read)");
  CHECK(decode_datamatrix("K-R0001-000001|S03/02|F").readable == false);
  CHECK(decode_datamatrix("nonsense").problem == "code \"nonsense\" is not a kuvert sheet code");
  // A sheet of a piece the control file does not list (another run's): diverted, never reported.
  DataMatrixRun foreign({1, 1});
  foreign.codes[1] = decode_datamatrix("K-R0002-000001|S01/01|F");
  CHECK(foreign.statuses() == M{{P1, "ok"}, {P2, "missing"}});
  // A jam on a piece's last sheet: that piece and the two before it.
  DataMatrixRun jammed({1, 1, 2, 1});
  CHECK(jammed.statuses({{FaultKind::jam, 4}}) ==
        M{{P1, "damaged"}, {P2, "damaged"}, {P3, "damaged"}, {P4, "missing"}});
  // Nothing fed at all: the pieces missing, at the start's time.
  DataMatrixRun none({1});
  CHECK(none.statuses({{FaultKind::lost, 1}}) == M{{P1, "missing"}});
  CHECK(none.events.at(0).position == 1);
}

TEST_CASE("An OMR inserter knows sheets by counting, its control file and the sequence bars", "[inserter-sim]") {
  InserterProfile profile;  // start, insert, sequence 4 2 1, parity, safety
  profile.positions = {{MarkFunction::start},          {MarkFunction::insert},         {MarkFunction::sequence, 0, 4},
                       {MarkFunction::sequence, 0, 2}, {MarkFunction::sequence, 0, 1}, {MarkFunction::parity},
                       {MarkFunction::safety}};
  MachineRun run;
  run.profile = &profile;
  run.pieces = {{"A", 2, {}}, {"B", 3, {}}, {"C", 1, {}}, {"D", 2, {}}};
  run.sheets = 8;
  std::vector<SheetCode> codes;
  std::vector<std::size_t> piece_of;
  std::uint32_t in_run = 1;
  for (std::size_t p = 0; p < run.pieces.size(); ++p)
    for (std::uint32_t s = 1; s <= run.pieces[p].sheets; ++s, ++in_run) {
      SheetCode code;
      code.readable = true;
      code.bars = omr_bars(
          profile,
          {.sheet_in_run = in_run, .run_sheets = 8, .sheet_in_piece = s, .piece_sheets = run.pieces[p].sheets});
      codes.push_back(code);
      piece_of.push_back(p);
    }
  // The last status of every piece (a duplicate stands).
  const auto statuses = [&](const std::vector<Fault>& faults) {
    return named(last_statuses(run_inserter(run, feed_stack(feed_order(profile, 8), piece_of, faults), codes)));
  };
  using M = std::map<std::string, std::string>;
  CHECK(statuses({}) == M{{"A", "ok"}, {"B", "ok"}, {"C", "ok"}, {"D", "ok"}});
  // A lost sheet is a sequence error: the count moves on by the bars.
  CHECK(statuses({{FaultKind::lost, 4}}) == M{{"A", "ok"}, {"B", "damaged"}, {"C", "ok"}, {"D", "ok"}});
  CHECK(statuses({{FaultKind::lost, 6}}) == M{{"A", "ok"}, {"B", "ok"}, {"C", "missing"}, {"D", "ok"}});
  // Sheets that come again: the count goes back to where their marks were.
  CHECK(statuses({{FaultKind::twice, 3}}) == M{{"A", "ok"}, {"B", "duplicate"}, {"C", "ok"}, {"D", "ok"}});
  // Bars that fit no sheet expected here.
  codes[6].bars.assign(codes[6].bars.size(), false);
  CHECK(statuses({}) == M{{"A", "ok"}, {"B", "ok"}, {"C", "ok"}, {"D", "damaged"}});
  // Without the control file it cannot know its pieces.
  run.pieces.clear();
  CHECK_THROWS_WITH(run_inserter(run, {}, codes),
                    Catch::Contains("an OMR inserter needs the run's pieces control file"));
}

TEST_CASE("Faults are read as KIND@SHEET, drawn from a seed the same way each time, and kept on the stack",
          "[inserter-sim]") {
  CHECK(fault_text(parse_fault("double-feed@12")) == "double-feed@12");
  CHECK_THROWS_WITH(parse_fault("lost"), Catch::Contains("is not KIND@SHEET"));
  CHECK_THROWS_WITH(parse_fault("jam@0"), Catch::Contains("names no sheet"));
  CHECK_THROWS_WITH(parse_fault("jam@3x"), Catch::Contains("names no sheet"));
  DataMatrixRun run({2, 3, 1, 2, 1, 4, 2, 1, 3, 2, 1, 1, 2, 3, 1, 2, 2, 1, 1, 3});
  const auto order = feed_order(run.profile, run.codes.size());
  const auto faults = random_faults(6, 7, order, run.piece_of);
  REQUIRE(faults.size() == 6);
  CHECK(faults == random_faults(6, 7, order, run.piece_of));
  for (const auto& fault : faults) CHECK((fault.position >= 1 && fault.position < run.codes.size()));
  CHECK(random_faults(6, 8, order, run.piece_of) != faults);
  CHECK_NOTHROW(feed_stack(order, run.piece_of, faults));  // drawn so that none falls on another's sheets
  CHECK_THROWS_WITH(feed_stack({0, 1, 2}, {0, 1, 2}, {{FaultKind::double_feed, 3}}),
                    Catch::Contains("double-feed@3 is beyond the 3 sheets of the run"));
  // Two faults on one sheet: the sheet a double feed pulls along, a piece printed twice.
  CHECK_THROWS_WITH(feed_stack({0, 1, 2}, {0, 1, 2}, {{FaultKind::lost, 2}, {FaultKind::jam, 2}}),
                    Catch::Contains("lost@2 and jam@2 fall on the same sheet"));
  CHECK_THROWS_WITH(feed_stack({0, 1, 2}, {0, 1, 2}, {{FaultKind::double_feed, 1}, {FaultKind::lost, 2}}),
                    Catch::Contains("double-feed@1 and lost@2 fall on the same sheet"));
  CHECK_THROWS_WITH(feed_stack({0, 1, 2}, {0, 0, 1}, {{FaultKind::twice, 1}, {FaultKind::shuffle, 2}}),
                    Catch::Contains("twice@1 and shuffle@2 fall on the same sheet"));
}

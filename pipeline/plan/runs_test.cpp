#include "pipeline/plan/runs.hpp"

#include <catch2/catch.hpp>

#include "pipeline/plan/test_catalog.hpp"

using namespace kuvert;
using namespace kuvert::plan_test;

namespace {

// A weighed piece of `sheets` sheets to a postcode, tagged by its
// recipient's city so tests can follow it.
MailPiece piece(const std::string& tag, std::size_t sheets, const std::string& postcode,
                const std::string& envelope = "c6-5", bool manual = false) {
  Recipient recipient = at_postcode(postcode);
  recipient.city = tag;
  MailPiece p = piece_of(sheets, recipient);
  p.envelope = envelope;
  p.manual = manual;
  return p;
}

std::vector<std::string> tags(const PrintRun& run) {
  std::vector<std::string> out;
  for (const auto& p : run.pieces) out.push_back(p.recipient().city);
  return out;
}

using Tags = std::vector<std::string>;

}  // namespace

TEST_CASE("run and piece ids are zero-padded and sortable", "[plan][runs]") {
  CHECK(run_id(1) == "R0001");
  CHECK(run_id(12) == "R0012");
  CHECK(piece_id("R0003", 42) == "R0003-000042");
  CHECK(piece_id("R0001", 1) == "R0001-000001");
}

TEST_CASE("run_settings takes the chosen envelope and the manual flag", "[plan][runs]") {
  MailPiece p = piece("a", 1, "39104", "c4", true);
  p.inserts = {"feeder-1"};
  const RunSettings s = run_settings(p);
  CHECK(s.paper == "a4-80");
  CHECK(s.sides == Sides::duplex);
  CHECK(s.envelope == "c4");
  CHECK(s.inserter == "generic-omr");
  CHECK(s.inserts == std::vector<std::string>{"feeder-1"});
  CHECK(s.manual);
}

TEST_CASE("pieces are grouped by settings in order of first appearance, manual runs last", "[plan][runs]") {
  std::vector<MailPiece> pieces{
      piece("m1", 70, "10115", "c4", true),
      piece("a", 1, "39104"),
      piece("b", 9, "39104", "c4"),
      piece("c", 2, "01067"),
      piece("d", 1, "20095"),
  };
  pieces[4].inserts = {"feeder-1"};
  const auto runs = form_runs(std::move(pieces), 2000);
  REQUIRE(runs.size() == 4);
  CHECK(runs[0].id == "R0001");
  CHECK(tags(runs[0]) == Tags{"c", "a"});  // presorted: 01067 before 39104
  CHECK(runs[0].settings.envelope == "c6-5");
  CHECK(runs[0].settings.inserts.empty());
  CHECK(runs[1].id == "R0002");
  CHECK(tags(runs[1]) == Tags{"b"});
  CHECK(runs[1].settings.envelope == "c4");
  CHECK(runs[2].id == "R0003");
  CHECK(tags(runs[2]) == Tags{"d"});
  CHECK(runs[2].settings.inserts == std::vector<std::string>{"feeder-1"});
  CHECK(runs[3].id == "R0004");
  CHECK(tags(runs[3]) == Tags{"m1"});
  CHECK(runs[3].settings.manual);
  CHECK_FALSE(runs[0].settings.manual);
}

TEST_CASE("a run is split before the piece that would exceed max_sheets", "[plan][runs]") {
  std::vector<MailPiece> pieces{
      piece("a", 4, "01001"), piece("b", 4, "01002"), piece("c", 4, "01003"), piece("d", 12, "01004"),
      piece("e", 1, "01005"), piece("f", 5, "01006"), piece("g", 4, "01007"), piece("h", 1, "01008"),
  };
  const auto runs = form_runs(std::move(pieces), 10);
  REQUIRE(runs.size() == 5);
  CHECK(tags(runs[0]) == Tags{"a", "b"});
  CHECK(runs[0].sheet_count() == 8);
  CHECK(tags(runs[1]) == Tags{"c"});
  CHECK(tags(runs[2]) == Tags{"d"});  // larger than max_sheets: a run of its own
  CHECK(runs[2].sheet_count() == 12);
  CHECK(tags(runs[3]) == Tags{"e", "f", "g"});
  CHECK(runs[3].sheet_count() == 10);  // exactly at the limit
  CHECK(tags(runs[4]) == Tags{"h"});
  for (std::size_t i = 0; i < runs.size(); ++i) {
    CHECK(runs[i].settings == runs[0].settings);
    CHECK(runs[i].part == i + 1);
    CHECK(runs[i].parts == 5);
  }
}

TEST_CASE("pieces are numbered continuously within each run", "[plan][runs]") {
  std::vector<MailPiece> pieces{piece("a", 3, "39104"), piece("b", 3, "01067"), piece("c", 3, "10115"),
                                piece("d", 3, "20095"), piece("e", 3, "80331", "c4")};
  const auto runs = form_runs(std::move(pieces), 6);
  REQUIRE(runs.size() == 3);
  CHECK(tags(runs[0]) == Tags{"b", "c"});
  CHECK(tags(runs[1]) == Tags{"d", "a"});
  CHECK(tags(runs[2]) == Tags{"e"});
  CHECK(runs[0].pieces[0].sequence == 1);
  CHECK(runs[0].pieces[0].id == "R0001-000001");
  CHECK(runs[0].pieces[1].sequence == 2);
  CHECK(runs[0].pieces[1].id == "R0001-000002");
  CHECK(runs[1].pieces[0].sequence == 1);
  CHECK(runs[1].pieces[0].id == "R0002-000001");
  CHECK(runs[1].pieces[1].id == "R0002-000002");
  CHECK(runs[2].pieces[0].id == "R0003-000001");
}

TEST_CASE("no pieces make no runs", "[plan][runs]") { CHECK(form_runs({}, 2000).empty()); }

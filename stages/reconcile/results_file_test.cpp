#include "stages/reconcile/results_file.hpp"

#include <catch2/catch.hpp>
#include <sstream>

namespace kuvert {
namespace {

struct Read {
  ResultsReading reading;
  std::vector<ResultEvent> events;
  std::vector<std::string> problems;
};

Read read(const std::string& text) {
  std::istringstream in(text);
  Read result;
  result.reading = read_results(in, "R0001.results.csv", [&](const ResultEvent& e) { result.events.push_back(e); });
  for (const auto& p : result.reading.problems) result.problems.push_back(describe(p.where, p.message));
  return result;
}

const std::string kId = "0000002A-R0001-000001";

}  // namespace

TEST_CASE("generic results: a header, then one event a line with its status, time, station and note", "[results]") {
  const auto r = read("\xEF\xBB\xBFpiece,status,time,station,note\r\n" + kId +
                      ",ok,2026-12-02T08:30:00Z,3,\n"
                      "0000002A-R0001-000002,damaged,,,\"torn, at the folder\"\n\n"
                      "0000002A-R0001-000002,hand-mailed,2026-12-02,,\n");
  CHECK(r.problems.empty());
  CHECK(r.reading.form == ResultsForm::generic);
  REQUIRE(r.events.size() == 3);
  CHECK(r.events[0].piece == kId);
  CHECK(r.events[0].status == InsertStatus::ok);
  CHECK(r.events[0].station == "3");
  CHECK(r.events[0].time == "2026-12-02T08:30:00Z");
  CHECK(r.events[1].status == InsertStatus::damaged);
  CHECK(r.events[1].note == "torn, at the folder");
  CHECK(r.events[2].line == 5);
  CHECK(r.events[2].status == InsertStatus::hand_mailed);
  CHECK(r.events[2].run.empty());
}

TEST_CASE("a reprint list is one piece id a line, each damaged", "[results]") {
  const auto r = read(kId + "\r\n0000002A-R0003-000117\r\n");
  CHECK(r.problems.empty());
  CHECK(r.reading.form == ResultsForm::reprint_list);
  REQUIRE(r.events.size() == 2);
  CHECK(r.events[1].piece == "0000002A-R0003-000117");
  CHECK(r.events[1].status == InsertStatus::damaged);
}

TEST_CASE("every malformed line of a results file is named, and none of its events is handed on", "[results]") {
  const auto r = read("piece,status,run\n" + kId + ",ok,R0001\n" + kId + ",lost,R0001\n" + "R0001-0001;x,ok,R0001\n" +
                      kId + ",ok\n" + kId + ",ok,\n" + kId + ",\"ok\"x,R0001\n");
  CHECK(r.problems ==
        std::vector<std::string>{
            "file \"R0001.results.csv\": record \"line 3\": field \"status\": \"lost\" is not one of ok, "
            "damaged, missing, pulled, duplicate, hand-mailed",
            "file \"R0001.results.csv\": record \"line 4\": field \"piece\": \"R0001-0001;x\" is no id "
            "kuvert writes (letters, digits, - _ . only)",
            "file \"R0001.results.csv\": record \"line 5\": has 2 fields where the header names 3",
            "file \"R0001.results.csv\": record \"line 6\": field \"run\": is empty",
            "file \"R0001.results.csv\": record \"line 7\": has text after the closing quote of field 2"});
  CHECK(r.events.size() == 1);  // line 2 only; its caller applies nothing of a file with problems
}

TEST_CASE("a results header must name piece and status, and only the columns there are", "[results]") {
  CHECK(read("piece,time\n" + kId + ",\n").problems ==
        std::vector<std::string>{"file \"R0001.results.csv\": record \"line 1\": field \"status\": is a column every "
                                 "results file has; the header lacks it"});
  CHECK(read("piece,status,colour\n").problems ==
        std::vector<std::string>{"file \"R0001.results.csv\": record \"line 1\": field \"colour\": is not a column of "
                                 "a results file (piece, status, time, station, note, run)"});
  CHECK(read("").problems ==
        std::vector<std::string>{"file \"R0001.results.csv\": record \"line 0\": holds no results"});
  // No header: the first line is taken for one, and its columns are unknown.
  const auto headless = read(kId + ",ok\n").problems;
  REQUIRE(headless.size() == 4);
  CHECK(headless[0] == "file \"R0001.results.csv\": record \"line 1\": field \"" + kId +
                           "\": is not a column of a results file (piece, status, time, station, note, run)");
}

TEST_CASE("a results line past its limit, or text that is not UTF-8, is refused", "[results]") {
  const auto long_note = read("piece,status,note\n" + kId + ",ok," + std::string(5000, 'x') + "\n");
  CHECK(long_note.problems ==
        std::vector<std::string>{"file \"R0001.results.csv\": record \"line 2\": is longer than 4096 bytes"});
  const auto latin1 = read("piece,status,note\n" + kId + ",damaged,gerissen beim F\xE4lzen\n");
  CHECK(latin1.problems == std::vector<std::string>{"file \"R0001.results.csv\": record \"line 2\": field \"note\": is "
                                                    "not UTF-8 text; deliver the file in UTF-8"});
  std::string many = "piece,status\n";
  for (int i = 0; i < 150; ++i) many += kId + ",wrong\n";
  const auto capped = read(many);
  REQUIRE(capped.problems.size() == kMaxResultsProblems + 1);
  CHECK(capped.problems.back() == "file \"R0001.results.csv\": 50 more problems, not listed: correct these first");
}

}  // namespace kuvert

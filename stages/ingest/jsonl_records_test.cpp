#include "stages/ingest/jsonl_records.hpp"

#include <catch2/catch.hpp>

#include "tests/support/record_test_files.hpp"

using namespace kuvert;
using namespace kuvert::test;

TEST_CASE("JSON Lines: a line that is not UTF-8 is named with the byte", "[ingest][records]") {
  CHECK(problems_of_line("{\"id\": \"K-2\", \"note\": \"M\xFCller\"}") ==
        std::vector<std::string>{"file \"records.jsonl\": record \"line 2\": is not UTF-8 text (byte 0xFC at column "
                                 "25); deliver the file in UTF-8"});
}

TEST_CASE("JSON Lines: a line that is not JSON gives the column", "[ingest][records]") {
  CHECK(problems_of_line("{\"id\": \"K-2\", }") ==
        std::vector<std::string>{"file \"records.jsonl\": record \"line 2\": is not valid JSON (at column 15)"});
}

TEST_CASE("JSON Lines: a line that is not an object", "[ingest][records]") {
  CHECK(problems_of_line("[1, 2]") ==
        std::vector<std::string>{"file \"records.jsonl\": record \"line 2\": expected a JSON object, got array"});
}

TEST_CASE("JSON Lines: a line that names a key twice is refused", "[ingest][records]") {
  CHECK(problems_of_line("{\"id\": \"K-2\", \"id\": \"K-3\"}") ==
        std::vector<std::string>{"file \"records.jsonl\": record \"line 2\": has the key \"id\" twice in one object"});
}

TEST_CASE("JSON Lines: a number too large is a problem of its record", "[ingest][records]") {
  CHECK(problems_of_line("{\"id\": \"K-2\", \"total\": 1e400}") ==
        std::vector<std::string>{"file \"records.jsonl\": record \"line 2\": has a number too large to be read "
                                 "(such as 1e400)"});
}

TEST_CASE("JSON Lines: an id with a control character is refused and labels nothing", "[ingest][records]") {
  CHECK(problems_of_line("{\"id\": \"K-2\\u001b[2J\", \"total\": 1}").front() ==
        "file \"records.jsonl\": record \"line 2\": field \"id\": contains the control character U+001B at byte 4; "
        "expected plain text");
}

TEST_CASE("JSON Lines: an amount with the binary noise of a sum is refused", "[ingest][records]") {
  auto record = good_record("K-2");
  record["amount"] = 0.1 + 0.2;
  const auto problems = problems_of_record(record);
  REQUIRE(problems.size() == 1);
  CHECK(problems.front().find("field \"amount\": expected a money amount (a number with at most two decimals), got "
                              "0.30000000000000004") != std::string::npos);
}

TEST_CASE("JSON Lines: a list of more than 1000 items is refused", "[ingest][records]") {
  auto record = good_record("K-2");
  const auto item = record["items"][0];
  record["items"] = json::array();
  for (int i = 0; i < 1001; ++i) record["items"].push_back(item);
  CHECK(problems_of_record(record) ==
        std::vector<std::string>{"document \"K-2\": file \"records.jsonl\": record \"line 2\": field \"items\": has 1001 "
                                 "items; at most 1000 are allowed"});
}

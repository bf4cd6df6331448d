#include "stages/ingest/record_values.hpp"

#include <catch2/catch.hpp>

#include "tests/support/record_test_files.hpp"

using namespace kuvert;
using namespace kuvert::test;

// ---- Records as JSON Lines -------------------------------------------------

TEST_CASE("JSON Lines: a missing field", "[ingest][records]") {
  auto record = good_record("K-2");
  record.erase("due");
  CHECK(problems_of_record(record) ==
        std::vector<std::string>{
            "document \"K-2\": file \"records.jsonl\": record \"line 2\": field \"due\": is missing"});
}

TEST_CASE("JSON Lines: a record without an id is named by its line only", "[ingest][records]") {
  auto record = good_record("K-2");
  record.erase("id");
  CHECK(problems_of_record(record) ==
        std::vector<std::string>{"file \"records.jsonl\": record \"line 2\": field \"id\": is missing"});
}

TEST_CASE("JSON Lines: a money amount says what came", "[ingest][records]") {
  auto record = good_record("K-2");
  record["amount"] = "12,50";
  record["items"][0]["amount"] = 1e300;  // whole, but cents would no longer be exact
  record["items"][1]["amount"] = 1.234;
  const std::string at = "document \"K-2\": file \"records.jsonl\": record \"line 2\": field ";
  CHECK(problems_of_record(record) ==
        std::vector<std::string>{
            at + "\"amount\": expected a money amount (a number with at most two decimals), got \"12,50\"",
            at + "\"items[0].amount\": expected a money amount (a number with at most two decimals), got 1e+300",
            at + "\"items[1].amount\": expected a money amount (a number with at most two decimals), got 1.234"});
}

TEST_CASE("JSON Lines: mistyped fields of every type", "[ingest][records]") {
  auto record = good_record("K-2");
  record["rate"] = "0,5";
  record["note"] = 12;
  record["items"] = {{"label", "x"}};
  const std::string at = "document \"K-2\": file \"records.jsonl\": record \"line 2\": field ";
  CHECK(problems_of_record(record) ==
        std::vector<std::string>{at + "\"rate\": expected a number, got \"0,5\"",
                                 at + "\"note\": expected a text, got 12",
                                 at + "\"items\": expected a list (an array of objects), got an object"});
}

TEST_CASE("JSON Lines: an unknown field", "[ingest][records]") {
  auto record = good_record("K-2");
  record["ammount"] = 12;
  record["items"][0]["lable"] = "x";
  const std::string at = "document \"K-2\": file \"records.jsonl\": record \"line 2\": field ";
  CHECK(problems_of_record(record) == std::vector<std::string>{at + "\"items[0].lable\": is not a known field",
                                                               at + "\"ammount\": is not a known field"});
}

TEST_CASE("JSON Lines: an empty text", "[ingest][records]") {
  auto record = good_record("K-2");
  record["note"] = "";
  record["items"][0]["label"] = "";
  const std::string at = "document \"K-2\": file \"records.jsonl\": record \"line 2\": field ";
  CHECK(problems_of_record(record) ==
        std::vector<std::string>{at + "\"note\": is empty", at + "\"items[0].label\": is empty"});
}

TEST_CASE("JSON Lines: an empty id names no document", "[ingest][records]") {
  auto record = good_record("");
  CHECK(problems_of_record(record) ==
        std::vector<std::string>{"file \"records.jsonl\": record \"line 2\": field \"id\": is empty"});
}

TEST_CASE("JSON Lines: dates and periods that are not", "[ingest][records]") {
  auto record = good_record("K-2");
  record["due"] = "2026-02-30";
  record["period"] = "2026-13";
  const std::string at = "document \"K-2\": file \"records.jsonl\": record \"line 2\": field ";
  CHECK(problems_of_record(record) ==
        std::vector<std::string>{at + "\"due\": expected a date (\"YYYY-MM-DD\"), got \"2026-02-30\"",
                                 at + "\"period\": expected a month (\"YYYY-MM\"), got \"2026-13\""});
  record["due"] = "2028-02-29";  // a leap day
  record["period"] = "2026-1";
  CHECK(problems_of_record(record) ==
        std::vector<std::string>{at + "\"period\": expected a month (\"YYYY-MM\"), got \"2026-1\""});
}

TEST_CASE("JSON Lines: an integer with a fraction", "[ingest][records]") {
  auto record = good_record("K-2");
  record["count"] = 2.5;
  CHECK(problems_of_record(record) ==
        std::vector<std::string>{"document \"K-2\": file \"records.jsonl\": record \"line 2\": field \"count\": "
                                 "expected a whole number, got 2.5"});
}

TEST_CASE("JSON Lines: recipient problems, each once", "[ingest][records]") {
  auto record = good_record("K-2");
  record["recipient"]["postcode"] = "0123";
  record["recipient"]["street"] = "";
  record["recipient"]["country"] = "de";
  record["recipient"]["zip"] = "x";
  const std::string at = "document \"K-2\": file \"records.jsonl\": record \"line 2\": field ";
  CHECK(problems_of_record(record) ==
        std::vector<std::string>{at + "\"recipient.street\": is empty", at + "\"recipient.zip\": is not a known field",
                                 at + "\"recipient.country\": \"de\" is not an ISO 3166-1 country code (expected two "
                                      "capital letters of an assigned code, e.g. \"DE\")"});
  record = good_record("K-2");
  record["recipient"]["postcode"] = "0123";
  record["recipient"]["name"] = {"Frau", "", "Erika"};
  CHECK(problems_of_record(record) ==
        std::vector<std::string>{at + "\"recipient.name[1]\": is empty; the address may have no blank lines",
                                 at + "\"recipient.postcode\": \"0123\" is not a German postcode (expected 5 digits)"});
  record = good_record("K-2");
  record["recipient"]["name"] = "Erika";
  record["recipient"].erase("city");
  CHECK(problems_of_record(record) ==
        std::vector<std::string>{at + "\"recipient.name\": expected an array of strings, got string",
                                 at + "\"recipient.city\": is missing"});
  record["recipient"] = "Erika Mustermann";
  CHECK(problems_of_record(record) ==
        std::vector<std::string>{at + "\"recipient\": expected an address (an object), got \"Erika Mustermann\""});
}

TEST_CASE("JSON Lines: a list element that is not an object", "[ingest][records]") {
  auto record = good_record("K-2");
  record["items"][1] = "Gebühr 34.56";
  CHECK(problems_of_record(record) ==
        std::vector<std::string>{"document \"K-2\": file \"records.jsonl\": record \"line 2\": field \"items[1]\": "
                                 "expected an object, got \"Gebühr 34.56\""});
}

// ---- Values as checked -----------------------------------------------------------

TEST_CASE("text that is not UTF-8 is named by its first bad byte", "[ingest][records]") {
  CHECK(not_utf8("M\xFCller", 1, "column") == "is not UTF-8 text (byte 0xFC at column 2); deliver the file in UTF-8");
}

TEST_CASE("check_value settles what a type allows", "[ingest][records]") {
  std::vector<Diagnostic> problems;
  json count = 12.0;
  check_value(field("count", FieldType::integer), count, Where{.field = "count"}, problems);
  CHECK(count.is_number_integer());
  json address = {{"name", {"Erika"}}, {"street", "Ring 1"}, {"postcode", "39104"}, {"city", "Magdeburg"}};
  check_value(field("to", FieldType::recipient), address, Where{.field = "to"}, problems);
  CHECK(address["country"] == "DE");
  CHECK(problems.empty());
  json object = {{"note", nullptr}, {"extra", 1}};
  check_fields({field("note", FieldType::text, true)}, object, Where{.field = "items[0]"}, problems);
  CHECK_FALSE(object.contains("note"));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].where.field == "items[0].extra");
  CHECK(problems[0].message == "is not a known field");
  CHECK(field_at(Where{}, "id").field == "id");
}

#include "stages/ingest/csv_records.hpp"

#include <catch2/catch.hpp>

#include "tests/support/record_test_files.hpp"

using namespace kuvert;
using namespace kuvert::test;

TEST_CASE("CSV records: BOM, quoted newlines, commas and quotes, optional cells", "[ingest][records]") {
  TempFolder dir;
  const std::string header = cat({"\xEF\xBB\xBF", kCsvHeader});
  const std::string row2 =
      "K-1,\"Frau\r\nErika Mustermann\",\"Hauptstraße 5, Hinterhaus\",39104,Magdeburg,,2026-11-22,2026-11,1234.56,3,"
      "0.5,\"Sagt \"\"Danke\"\"\"\r\n";
  const std::string row3 = "K-2,\"Herrn\nMax Muster\",Ring 1,1010,Wien,AT,2026-11-22,2026-11,12,,,\n";
  const auto path = dir.write("records.csv", header + row2 + "\r\n" + row3);
  const auto result = read(path, csv_schema());
  CHECK(result.problems.empty());
  REQUIRE(result.records.size() == 2);
  const auto& one = result.records[0];
  CHECK(one.valid);
  CHECK(one.place == "row 2");
  CHECK(one.offset == header.size());
  CHECK(one.id == "K-1");
  CHECK(one.fields == json{{"id", "K-1"},
                           {"recipient",
                            {{"name", {"Frau", "Erika Mustermann"}},
                             {"street", "Hauptstraße 5, Hinterhaus"},
                             {"postcode", "39104"},
                             {"city", "Magdeburg"},
                             {"country", "DE"}}},
                           {"due", "2026-11-22"},
                           {"period", "2026-11"},
                           {"amount", 1234.56},
                           {"count", 3},
                           {"rate", 0.5},
                           {"note", "Sagt \"Danke\""}});
  CHECK(one.recipient.street == "Hauptstraße 5, Hinterhaus");
  const auto& two = result.records[1];
  CHECK(two.valid);
  CHECK(two.place == "row 4");  // row 3 is blank
  CHECK(two.offset == header.size() + row2.size() + 2);
  CHECK(two.recipient.name == std::vector<std::string>{"Herrn", "Max Muster"});
  CHECK(two.recipient.country == "AT");
  CHECK(two.fields["amount"].is_number_integer());
  CHECK_FALSE(two.fields.contains("count"));
  CHECK_FALSE(two.fields.contains("note"));
  check_read_again(path, RecordFormat::csv, csv_schema());
}

TEST_CASE("CSV: a list field gives one problem at the header and every row is invalid", "[ingest][records]") {
  TempFolder dir;
  const auto result = read(dir.write("records.csv", kCsvHeader + kCsvGoodRow), jsonl_schema());
  REQUIRE(result.records.size() == 1);
  CHECK_FALSE(result.records[0].valid);
  CHECK(result.problems ==
        std::vector<std::string>{"file \"records.csv\": record \"row 1\": field \"items\": is a list, which CSV cannot "
                                 "hold; deliver this layout's records as JSON Lines"});
}

TEST_CASE("CSV: header names that are not fields", "[ingest][records]") {
  TempFolder dir;
  const std::string header =
      "id,recipient,recipient.name,recipient.street,recipient.postcode,recipient.city,"
      "recipient.zip,due,period,amount,ammount,due,\n";
  const auto result =
      read(dir.write("records.csv", header + "K-1,x,Erika,Ring 1,39104,Magdeburg,x,2026-11-22,2026-11,1,2,3,\n"),
           csv_schema());
  REQUIRE(result.records.size() == 1);
  CHECK_FALSE(result.records[0].valid);
  const std::string at = "file \"records.csv\": record \"row 1\": ";
  CHECK(result.problems ==
        std::vector<std::string>{
            at + "field \"recipient\": is an address, which CSV gives in the columns \"recipient.name\", "
                 "\"recipient.street\", \"recipient.postcode\", \"recipient.city\", \"recipient.country\" (the last "
                 "may be left out: DE)",
            at + "field \"recipient.zip\": is not a known field", at + "field \"ammount\": is not a known field",
            at + "field \"due\": names more than one column", at + "column 13 has no name"});
}

TEST_CASE("CSV: required columns the header lacks", "[ingest][records]") {
  TempFolder dir;
  const std::string header = "id,recipient.name,recipient.street,recipient.postcode,due,period\n";
  const auto result =
      read(dir.write("records.csv", header + "K-1,Erika,Ring 1,39104,2026-11-22,2026-11\n"), csv_schema());
  REQUIRE(result.records.size() == 1);
  CHECK_FALSE(result.records[0].valid);
  const std::string at = "file \"records.csv\": record \"row 1\": field ";
  CHECK(result.problems ==
        std::vector<std::string>{at + "\"recipient.city\": is missing: the header has no such column",
                                 at + "\"amount\": is missing: the header has no such column"});
}

TEST_CASE("CSV: a row with the wrong number of fields", "[ingest][records]") {
  CHECK(problems_of_row("K-2,Erika,Ring 1,39104,Magdeburg,,2026-11-22,2026-11,12.50,,\r\n") ==
        std::vector<std::string>{"file \"records.csv\": record \"row 3\": has 11 fields; the header names 12"});
}

TEST_CASE("CSV: cells converted by type say what came", "[ingest][records]") {
  const std::string at = "document \"K-2\": file \"records.csv\": record \"row 3\": field ";
  CHECK(problems_of_row("K-2,Erika,Ring 1,39104,Magdeburg,,22.11.2026,2026-11,\"12,50\",2.5, 1,\r\n") ==
        std::vector<std::string>{
            at + "\"due\": expected a date (\"YYYY-MM-DD\"), got \"22.11.2026\"",
            at + "\"amount\": expected a money amount (a number with at most two decimals), got \"12,50\"",
            at + "\"count\": expected a whole number, got 2.5", at + "\"rate\": expected a number, got \" 1\""});
}

TEST_CASE("CSV: empty required cells", "[ingest][records]") {
  const std::string at = "document \"K-2\": file \"records.csv\": record \"row 3\": field ";
  CHECK(problems_of_row("K-2,,,39104,Magdeburg,,,2026-11,12.50,,,\r\n") ==
        std::vector<std::string>{at + "\"due\": is empty", at + "\"recipient.street\": is empty",
                                 at + "\"recipient.name\": expected at least one name line"});
}

TEST_CASE("CSV: recipient problems by column", "[ingest][records]") {
  const std::string at = "document \"K-2\": file \"records.csv\": record \"row 3\": field ";
  CHECK(problems_of_row("K-2,\"Frau\n\nErika\",Ring 1,3910,Magdeburg,,2026-11-22,2026-11,12.50,,,\r\n") ==
        std::vector<std::string>{at + "\"recipient.name[1]\": is empty; the address may have no blank lines",
                                 at + "\"recipient.postcode\": \"3910\" is not a German postcode (expected 5 digits)"});
}

TEST_CASE("CSV: a cell that is not UTF-8", "[ingest][records]") {
  CHECK(
      problems_of_row("K-2,Erika,Stra\xDF"
                      "e 1,39104,Magdeburg,,2026-11-22,2026-11,12.50,,,\r\n") ==
      std::vector<std::string>{"document \"K-2\": file \"records.csv\": record \"row 3\": field \"recipient.street\": "
                               "is not UTF-8 text (byte 0xDF at position 5); deliver the file in UTF-8"});
}

TEST_CASE("CSV: numbers in exponent notation and endless digits are not amounts", "[ingest][records]") {
  const std::string at = "document \"K-2\": file \"records.csv\": record \"row 3\": field ";
  CHECK(problems_of_row("K-2,Erika,Ring 1,39104,Magdeburg,,2026-11-22,2026-11,1e2,2,1,\r\n") ==
        std::vector<std::string>{
            at + "\"amount\": expected a money amount (a number with at most two decimals), got \"1e2\""});
  const std::string digits(400, '9');
  const auto problems = problems_of_row("K-2,Erika,Ring 1,39104,Magdeburg,,2026-11-22,2026-11,12.50," + digits + ",1,\r\n");
  REQUIRE(problems.size() == 1);
  CHECK(problems.front().starts_with(at + "\"count\": expected a whole number, got \"999999"));
  CHECK(problems.front().ends_with("..."));  // not the whole cell again
}

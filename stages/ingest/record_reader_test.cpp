#include "stages/ingest/record_reader.hpp"

#include <catch2/catch.hpp>
#include <fstream>

#include "tests/support/record_test_files.hpp"

using namespace kuvert;
using namespace kuvert::test;

// ---- JSON Lines ------------------------------------------------------------

TEST_CASE("JSON Lines records are read with offsets, places, ids and typed fields", "[ingest][records]") {
  TempFolder dir;
  auto second = good_record("K-2");
  second["count"] = 12.0;  // a whole float, as some writers put it
  second["rate"] = 0.125;
  second["note"] = nullptr;  // null: absent
  second["amount"] = 19.99;
  second["recipient"]["country"] = "AT";
  second["recipient"]["postcode"] = "1010";
  const std::string first = good_record("K-1").dump() + "\r\n";
  const auto path = dir.write("records.jsonl", first + "\n  \n" + second.dump() + "\n");
  const auto result = read(path, jsonl_schema());
  CHECK(result.problems.empty());
  REQUIRE(result.records.size() == 2);
  const auto& one = result.records[0];
  CHECK(one.valid);
  CHECK(one.id == "K-1");
  CHECK(one.place == "line 1");
  CHECK(one.offset == 0);
  CHECK(one.fields["recipient"]["country"] == "DE");
  CHECK(one.recipient.name == std::vector<std::string>{"Frau", "Erika Mustermann"});
  CHECK(one.recipient.postcode == "39104");
  CHECK(one.recipient.country == "DE");
  CHECK(one.fields["items"][1]["label"] == "Gebühr");
  CHECK(money_cents(one.fields["amount"]) == 123456);
  CHECK(money_cents(one.fields["items"][0]["amount"]) == 120000);
  const auto& two = result.records[1];
  CHECK(two.valid);
  CHECK(two.place == "line 4");
  CHECK(two.offset == first.size() + 4);
  CHECK(two.fields["count"].is_number_integer());
  CHECK(two.fields["count"] == 12);
  CHECK(two.fields["rate"] == 0.125);
  CHECK_FALSE(two.fields.contains("note"));
  CHECK(money_cents(two.fields["amount"]) == 1999);
  CHECK(two.recipient.country == "AT");
}

TEST_CASE("a JSON Lines file may begin with a byte order mark", "[ingest][records]") {
  TempFolder dir;
  const auto path = dir.write("records.jsonl", cat({"\xEF\xBB\xBF", lines({good_record("K-1"), good_record("K-2")})}));
  const auto result = read(path, jsonl_schema());
  CHECK(result.problems.empty());
  REQUIRE(result.records.size() == 2);
  CHECK(result.records[0].valid);
  CHECK(result.records[0].id == "K-1");
  check_read_again(path, RecordFormat::json_lines, jsonl_schema());
}

TEST_CASE("a JSON Lines record read again at its offset is the same record", "[ingest][records]") {
  TempFolder dir;
  auto bad = good_record("K-3");
  bad["amount"] = "12,50";
  const auto path = dir.write("records.jsonl", cat({"\n", lines({good_record("K-1"), good_record("K-2"), bad})}));
  check_read_again(path, RecordFormat::json_lines, jsonl_schema());

  std::ifstream in(path, std::ios::binary);
  std::vector<Diagnostic> problems;
  CHECK_FALSE(read_record_at(in, RecordFormat::json_lines, {}, jsonl_schema(), 0, problems));  // a blank line
  CHECK_FALSE(read_record_at(in, RecordFormat::json_lines, {}, jsonl_schema(), 1u << 20, problems));
  const auto offset = 1 + good_record("K-1").dump().size() + 1 + good_record("K-2").dump().size() + 1;
  const auto again =
      read_record_at(in, RecordFormat::json_lines, {.file = "records.jsonl"}, jsonl_schema(), offset, problems);
  REQUIRE(again);
  CHECK(again->place == cat({"byte ", std::to_string(offset)}));
  REQUIRE(problems.size() == 1);
  CHECK(describe(problems[0].where, problems[0].message) ==
        cat({"document \"K-3\": file \"records.jsonl\": record \"byte ", std::to_string(offset),
             "\": field \"amount\": expected a money amount (a number with at most two decimals), got \"12,50\""}));
}

TEST_CASE("JSON Lines: an id used twice names the earlier record", "[ingest][records]") {
  TempFolder dir;
  const auto path = dir.write("records.jsonl", lines({good_record("K-1"), good_record("K-2"), good_record("K-1")}));
  const auto result = read(path, jsonl_schema());
  REQUIRE(result.records.size() == 3);
  CHECK(result.records[0].valid);
  CHECK(result.records[1].valid);
  CHECK_FALSE(result.records[2].valid);
  CHECK(result.problems ==
        std::vector<std::string>{"document \"K-1\": file \"records.jsonl\": record \"line 3\": field \"id\": is used "
                                 "by an earlier record too (line 1); record ids must be unique"});
}

TEST_CASE("JSON Lines: an empty file and one of blank lines hold no records", "[ingest][records]") {
  TempFolder dir;
  for (const char* text : {"", "\n \r\n\t\n"}) {
    const auto result = read(dir.write("records.jsonl", text), jsonl_schema());
    CHECK(result.records.empty());
    CHECK(result.problems == std::vector<std::string>{"file \"records.jsonl\": holds no records"});
  }
}

TEST_CASE("JSON Lines: a line past the limit is refused, not held", "[ingest][records]") {
  TempFolder dir;
  const auto path =
      dir.write("records.jsonl",
                cat({"{\"id\": \"", std::string(kMaxRecordBytes, 'x'), "\"}\n", good_record("K-2").dump(), "\n"}));
  const auto result = read(path, jsonl_schema());
  REQUIRE(result.records.size() == 2);
  CHECK_FALSE(result.records[0].valid);
  CHECK(result.records[1].valid);
  CHECK(result.records[1].place == "line 2");
  CHECK(result.problems == std::vector<std::string>{"file \"records.jsonl\": record \"line 1\": is longer than 16 MiB; "
                                                    "no record needs that much"});
}

TEST_CASE("JSON Lines: 100,000 records stream through", "[ingest][records][slow]") {
  TempFolder dir;
  const auto path = dir.write("records.jsonl", "");
  {
    std::ofstream out(path, std::ios::binary);
    for (int i = 0; i < 100000; ++i) out << good_record(cat({"K-", std::to_string(i)})).dump() << '\n';
  }
  std::vector<Diagnostic> problems;
  std::size_t count = 0, valid = 0;
  std::string last;
  read_records(path, Where{.file = "records.jsonl"}, jsonl_schema(), problems, [&](RecordEntry&& entry) {
    ++count;
    valid += entry.valid;
    last = entry.place;
  });
  CHECK(problems.empty());
  CHECK(count == 100000);
  CHECK(valid == 100000);
  CHECK(last == "line 100000");
}

// ---- Files -----------------------------------------------------------------

TEST_CASE("a records file that is not there or of another kind", "[ingest][records]") {
  TempFolder dir;
  auto missing = open_error(dir.write("x.jsonl", "").parent_path() / "missing.jsonl");
  CHECK(missing.where.file == "missing.jsonl");
  CHECK(missing.message == "not found");
  auto other = open_error(dir.write("records.json", "{}"));
  CHECK(other.where.file == "records.json");
  CHECK(other.message == "is neither JSON Lines (*.jsonl) nor CSV (*.csv)");
  CHECK(record_format("DATA.CSV", {}) == RecordFormat::csv);
  CHECK(record_format("a/b.JsonL", {}) == RecordFormat::json_lines);
}

// ---- CSV -------------------------------------------------------------------

TEST_CASE("CSV: a record read again at its offset, and none at the header", "[ingest][records]") {
  TempFolder dir;
  const auto path = dir.write(
      "records.csv", kCsvHeader + kCsvGoodRow + "K-2,Max,Ring 1,39104,Magdeburg,,2026-11-22,2026-11,1,5,x,\r\n");
  check_read_again(path, RecordFormat::csv, csv_schema());
  std::ifstream in(path, std::ios::binary);
  std::vector<Diagnostic> problems;
  CHECK_FALSE(read_record_at(in, RecordFormat::csv, {}, csv_schema(), 0, problems));
  CHECK_FALSE(read_record_at(in, RecordFormat::csv, {}, csv_schema(), 1u << 20, problems));
  const auto again =
      read_record_at(in, RecordFormat::csv, {}, csv_schema(), kCsvHeader.size() + kCsvGoodRow.size(), problems);
  REQUIRE(again);
  CHECK_FALSE(again->valid);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].where.field == "rate");
}

TEST_CASE("CSV: an id used twice names the earlier row", "[ingest][records]") {
  CHECK(problems_of_row("K-1,Erika,Ring 1,39104,Magdeburg,,2026-11-22,2026-11,12.50,,,\r\n") ==
        std::vector<std::string>{"document \"K-1\": file \"records.csv\": record \"row 3\": field \"id\": is used by "
                                 "an earlier record too (row 2); record ids must be unique"});
}

TEST_CASE("CSV: an empty file and a header alone hold no records", "[ingest][records]") {
  TempFolder dir;
  for (const std::string& text : {std::string(), std::string("\xEF\xBB\xBF"), kCsvHeader, kCsvHeader + "\r\n"}) {
    const auto result = read(dir.write("records.csv", text), csv_schema());
    CHECK(result.records.empty());
    CHECK(result.problems == std::vector<std::string>{"file \"records.csv\": holds no records"});
  }
}

// ---- Pulling -----------------------------------------------------------------

namespace {

// Every entry of `path`, pulled from a RecordReader one by one; the problems
// as describe() puts them.
Result pull(const std::filesystem::path& path, const RecordSchema& schema) {
  Result result;
  std::vector<Diagnostic> problems;
  RecordReader reader(path, Where{.file = path.filename().string()}, schema, problems);
  while (auto entry = reader.next()) result.records.push_back(std::move(*entry));
  CHECK_FALSE(reader.next());  // and nothing more after the end
  for (const auto& problem : problems) result.problems.push_back(describe(problem.where, problem.message));
  return result;
}

void check_same(const Result& pulled, const Result& read) {
  CHECK(pulled.problems == read.problems);
  REQUIRE(pulled.records.size() == read.records.size());
  for (std::size_t i = 0; i < read.records.size(); ++i) {
    CHECK(pulled.records[i].fields == read.records[i].fields);
    CHECK(pulled.records[i].offset == read.records[i].offset);
    CHECK(pulled.records[i].place == read.records[i].place);
    CHECK(pulled.records[i].id == read.records[i].id);
    CHECK(pulled.records[i].recipient.name == read.records[i].recipient.name);
    CHECK(pulled.records[i].valid == read.records[i].valid);
  }
}

}  // namespace

TEST_CASE("RecordReader gives what read_records gives, the end-of-file problems included", "[ingest][records]") {
  TempFolder dir;
  auto bad = good_record("K-3");
  bad["amount"] = "12,50";
  const auto jsonl =
      dir.write("records.jsonl", cat({"\n", lines({good_record("K-1"), bad}), "[1]\n\n", lines({good_record("K-1")})}));
  const auto jsonl_pulled = pull(jsonl, jsonl_schema());
  CHECK(jsonl_pulled.records.size() == 4);
  CHECK(jsonl_pulled.problems.size() == 3);
  check_same(jsonl_pulled, read(jsonl, jsonl_schema()));

  const auto csv = dir.write("records.csv", cat({"\xEF\xBB\xBF", kCsvHeader, kCsvGoodRow, "\r\n", kCsvGoodRow,
                                                 "K-2,Erika,Ring 1,39104,Magdeburg,,2026-11-22,2026-11,1,x,,\r\n"}));
  const auto csv_pulled = pull(csv, csv_schema());
  CHECK(csv_pulled.records.size() == 3);
  CHECK(csv_pulled.problems.size() == 2);
  check_same(csv_pulled, read(csv, csv_schema()));

  const auto header_only = dir.write("header.csv", "id,recipient,due\n");
  const auto header_pulled = pull(header_only, csv_schema());
  CHECK(header_pulled.records.empty());
  REQUIRE_FALSE(header_pulled.problems.empty());
  CHECK(header_pulled.problems.back() == "file \"header.csv\": holds no records");
  check_same(header_pulled, read(header_only, csv_schema()));

  for (const char* name : {"empty.jsonl", "empty.csv"}) {
    const auto empty = dir.write(name, "");
    const auto empty_pulled = pull(empty, csv_schema());
    CHECK(empty_pulled.problems == std::vector<std::string>{cat({"file \"", name, "\": holds no records"})});
    check_same(empty_pulled, read(empty, csv_schema()));
  }
}

TEST_CASE("RecordReader appends a record's problems as it is pulled, the file's at the end", "[ingest][records]") {
  TempFolder dir;
  auto bad = good_record("K-2");
  bad.erase("due");
  const auto path = dir.write("records.jsonl", lines({good_record("K-1"), bad, good_record("K-1")}));
  std::vector<Diagnostic> problems;
  RecordReader reader(path, Where{.file = "records.jsonl"}, jsonl_schema(), problems);  // copies both
  CHECK(reader.format() == RecordFormat::json_lines);
  CHECK(problems.empty());
  auto entry = reader.next();
  REQUIRE(entry);
  CHECK(entry->valid);
  CHECK(problems.empty());
  entry = reader.next();
  REQUIRE(entry);
  CHECK_FALSE(entry->valid);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].where.field == "due");
  entry = reader.next();
  REQUIRE(entry);
  CHECK_FALSE(entry->valid);
  REQUIRE(problems.size() == 2);
  CHECK(describe(problems[1].where, problems[1].message) ==
        "document \"K-1\": file \"records.jsonl\": record \"line 3\": field \"id\": is used by an earlier record too "
        "(line 1); record ids must be unique");
  CHECK_FALSE(reader.next());
  CHECK_FALSE(reader.next());
  CHECK(problems.size() == 2);
}

TEST_CASE("RecordReader: a CSV header's problems come with the first record", "[ingest][records]") {
  TempFolder dir;
  const auto path = dir.write("records.csv", cat({"id,ammount\n", "K-1,1\n"}));
  std::vector<Diagnostic> problems;
  RecordReader reader(path, Where{.file = "records.csv"}, csv_schema(), problems);
  CHECK(reader.format() == RecordFormat::csv);
  CHECK(problems.empty());
  const auto entry = reader.next();
  REQUIRE(entry);
  CHECK_FALSE(entry->valid);
  CHECK(entry->place == "row 2");
  REQUIRE_FALSE(problems.empty());
  CHECK(problems.front().where.record == "row 1");
  CHECK(problems.front().where.field == "ammount");
  const auto count = problems.size();
  CHECK_FALSE(reader.next());
  CHECK(problems.size() == count);  // it holds a record
}

TEST_CASE("RecordReader refuses a folder", "[ingest][records]") {
  TempFolder dir;
  const auto folder = dir.write("x.jsonl", "").parent_path() / "folder.jsonl";
  std::filesystem::create_directory(folder);
  const auto error = open_error(folder);
  CHECK(error.where.file == "folder.jsonl");
  CHECK(error.message == "is a folder, not a file");
}

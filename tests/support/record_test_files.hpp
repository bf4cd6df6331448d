#pragma once
// Test support for the records file tests: files in a temporary folder, the
// schemas of a tax notice, good records, and reading a file into the entries
// and problem texts found. Header-only so that it stays out of the
// kuvert_ingest library.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "stages/ingest/record_reader.hpp"
#include "tests/support/temp_folder.hpp"

namespace kuvert::test {

using nlohmann::json;

// Joins strings; GCC 12 warns falsely (-Wrestrict) on "literal" + std::string.
inline std::string cat(std::initializer_list<std::string_view> parts) {
  std::string text;
  for (const auto part : parts) text += part;
  return text;
}

inline FieldSpec field(std::string name, FieldType type, bool optional = false, std::vector<FieldSpec> items = {}) {
  return FieldSpec{std::move(name), type, optional, std::move(items)};
}

// A tax notice: the fields a CSV file can hold.
inline RecordSchema csv_schema() {
  return {{field("id", FieldType::text), field("recipient", FieldType::recipient), field("due", FieldType::date),
           field("period", FieldType::period), field("amount", FieldType::money),
           field("count", FieldType::integer, true), field("rate", FieldType::number, true),
           field("note", FieldType::text, true)}};
}

// The same notice with its items, which only JSON Lines can hold.
inline RecordSchema jsonl_schema() {
  auto schema = csv_schema();
  schema.fields.push_back(
      field("items", FieldType::list, false, {field("label", FieldType::text), field("amount", FieldType::money)}));
  return schema;
}

inline json good_record(const std::string& id) {
  return {{"id", id},
          {"recipient",
           {{"name", {"Frau", "Erika Mustermann"}},
            {"street", "Hauptstraße 5"},
            {"postcode", "39104"},
            {"city", "Magdeburg"}}},
          {"due", "2026-11-22"},
          {"period", "2026-11"},
          {"amount", 1234.56},
          {"items",
           json::array({{{"label", "Grundsteuer B"}, {"amount", 1200}}, {{"label", "Gebühr"}, {"amount", 34.56}}})}};
}

inline std::string lines(const std::vector<json>& records) {
  std::string text;
  for (const auto& record : records) text += record.dump() + "\n";
  return text;
}

struct Result {
  std::vector<RecordEntry> records;
  std::vector<std::string> problems;  // as describe() puts them
};

inline Result read(const std::filesystem::path& path, const RecordSchema& schema) {
  Result result;
  std::vector<Diagnostic> problems;
  read_records(path, Where{.file = path.filename().string()}, schema, problems,
               [&](RecordEntry&& entry) { result.records.push_back(std::move(entry)); });
  for (const auto& problem : problems) result.problems.push_back(describe(problem.where, problem.message));
  return result;
}

// The problems of a JSON Lines file whose second line is `bad` (the first is good).
inline std::vector<std::string> problems_of_line(const std::string& bad) {
  TempFolder dir;
  const auto result = read(dir.write("records.jsonl", good_record("K-1").dump() + "\n" + bad + "\n"), jsonl_schema());
  REQUIRE(result.records.size() == 2);
  CHECK(result.records[0].valid);
  CHECK_FALSE(result.records[1].valid);
  return result.problems;
}

inline std::vector<std::string> problems_of_record(const json& bad) { return problems_of_line(bad.dump()); }

inline const std::string kCsvHeader =
    "id,recipient.name,recipient.street,recipient.postcode,recipient.city,recipient.country,due,period,amount,count,"
    "rate,note\r\n";
inline const std::string kCsvGoodRow =
    "K-1,Erika Mustermann,Hauptstraße 5,39104,Magdeburg,,2026-11-22,2026-11,12.50,,,\r\n";

// The problems of a CSV file with the usual header, a good row and `bad`.
inline std::vector<std::string> problems_of_row(const std::string& bad, bool bad_valid = false) {
  TempFolder dir;
  const auto result = read(dir.write("records.csv", kCsvHeader + kCsvGoodRow + bad), csv_schema());
  REQUIRE(result.records.size() == 2);
  CHECK(result.records[0].valid);
  CHECK(result.records[1].valid == bad_valid);
  return result.problems;
}

inline Diagnostic open_error(const std::filesystem::path& path) {
  try {
    read(path, jsonl_schema());
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::input);
    REQUIRE(error.problems().size() == 1);
    return error.problems().front();
  }
  FAIL("the file was read");
  return {};
}

// The records read_records found, read again at their offsets.
inline void check_read_again(const std::filesystem::path& path, RecordFormat format, const RecordSchema& schema) {
  const auto result = read(path, schema);
  std::ifstream in(path, std::ios::binary);
  for (const auto& record : result.records) {
    std::vector<Diagnostic> problems;
    const auto again =
        read_record_at(in, format, Where{.file = "f", .record = record.place}, schema, record.offset, problems);
    REQUIRE(again);
    CHECK(again->fields == record.fields);
    CHECK(again->offset == record.offset);
    CHECK(again->place == record.place);
    CHECK(again->id == record.id);
    CHECK(again->recipient.name == record.recipient.name);
    CHECK(again->valid == record.valid);
  }
}

}  // namespace kuvert::test

#include "stages/ingest/strict_json.hpp"

#include <catch2/catch.hpp>
#include <sstream>

namespace kuvert {
namespace {

std::string refusal(const std::string& text) {
  try {
    parse_strict_json(text);
  } catch (const JsonRefused& refused) {
    return refused.message("column");
  }
  return "accepted";
}

std::string refusal_in_stream(const std::string& text) {
  std::istringstream in(text);
  try {
    parse_strict_json(in);
  } catch (const JsonRefused& refused) {
    return refused.message("byte");
  }
  return "accepted";
}

TEST_CASE("strict JSON refuses a key twice in one object", "[json]") {
  CHECK(refusal(R"({"id": "A", "name": "x", "id": "B"})") == "has the key \"id\" twice in one object");
  CHECK(refusal_in_stream(R"({"a": {"id": 1, "id": 2}})") == "has the key \"id\" twice in one object (at byte 20)");
  CHECK(refusal(R"({"id": "A", "inner": {"id": "B"}, "list": [{"id": 1}, {"id": 2}]})") == "accepted");
}

TEST_CASE("strict JSON refuses nesting past its limit", "[json]") {
  CHECK(refusal(std::string(32, '[') + std::string(32, ']')) == "accepted");
  CHECK(refusal(std::string(33, '[') + std::string(33, ']')) == "nests objects and arrays deeper than 32 levels");
  CHECK(refusal(std::string(100000, '[')) == "nests objects and arrays deeper than 32 levels");
}

TEST_CASE("strict JSON refuses numbers too large and names bad syntax", "[json]") {
  CHECK(refusal(R"({"amount": 1e400})") == "has a number too large to be read (such as 1e400)");
  CHECK(refusal(R"({"amount": 12,})") == "is not valid JSON (at column 15)");
}

}  // namespace
}  // namespace kuvert

#include "pipeline/pdf/nesting_check.hpp"

#include <catch2/catch.hpp>
#include <string>

namespace kuvert::pdf {
namespace {

using Verdict = NestingCheck::Verdict;

Verdict check(std::string_view bytes, int max_depth = 3) { return NestingCheck(max_depth).feed(bytes); }

std::string nested_dictionaries(int depth) {
  std::string bytes;
  for (int i = 0; i < depth; ++i) bytes += "<</A ";
  for (int i = 0; i < depth; ++i) bytes += ">>";
  return bytes;
}

TEST_CASE("nesting check ends with the first value's closing bracket", "[pdf]") {
  CHECK(check("1 0 obj << /A [1 2 << /B 3 >>] >> endobj") == Verdict::done);
  CHECK(check("[1 [2 [3]]]") == Verdict::done);
  CHECK(check(nested_dictionaries(3)) == Verdict::done);
  CHECK(check("<< /A [1 2") == Verdict::more);
}

TEST_CASE("nesting check refuses a value one level past its limit", "[pdf]") {
  CHECK(check(nested_dictionaries(4)) == Verdict::too_deep);
  CHECK(check("[[[[1]]]]") == Verdict::too_deep);
  CHECK(NestingCheck(100).feed(nested_dictionaries(20000)) == Verdict::too_deep);
}

TEST_CASE("nesting check ends a value without brackets at its keyword", "[pdf]") {
  CHECK(check("4 0 obj 42 endobj 5 0 obj [[[[[") == Verdict::done);
  CHECK(check("4 0 obj 12 stream\n") == Verdict::done);
  CHECK(check("4 0 obj (text) ") == Verdict::more);
}

TEST_CASE("nesting check ignores brackets inside strings, names and comments", "[pdf]") {
  CHECK(check("<< /A ([[[[ \\) (((( )))) ) >>") == Verdict::done);
  CHECK(check("<< /A <5B5B5B5B> /B <> >>") == Verdict::done);
  CHECK(check("<< /A 1 % [[[[[\n /B 2 >>") == Verdict::done);
  CHECK(check("<< /A#5B[1] >>") == Verdict::done);
}

TEST_CASE("nesting check carries its state across chunks", "[pdf]") {
  NestingCheck split(3);
  CHECK(split.feed("<< /A <") == Verdict::more);
  CHECK(split.feed("< /B (>>") == Verdict::more);
  CHECK(split.feed(") >") == Verdict::more);
  CHECK(split.feed("> >") == Verdict::more);
  CHECK(split.feed(">") == Verdict::done);

  NestingCheck keyword(3);
  CHECK(keyword.feed("7 0 obj 12 endo") == Verdict::more);
  CHECK(keyword.feed("bj\n") == Verdict::done);
}

}  // namespace
}  // namespace kuvert::pdf

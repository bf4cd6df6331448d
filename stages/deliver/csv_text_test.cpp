#include "stages/deliver/csv_text.hpp"

#include <catch2/catch.hpp>

namespace kuvert {
namespace {

TEST_CASE("CSV fields are quoted only when they must be", "[deliver]") {
  CHECK(csv_row({"R0001-000001", "Erika Mustermann", "39104"}) == "R0001-000001,Erika Mustermann,39104\r\n");
  CHECK(csv_row({"Beispiel GmbH, \"Liegenschaften\"", "a\nb"}) ==
        "\"Beispiel GmbH, \"\"Liegenschaften\"\"\",\"a\nb\"\r\n");
}

TEST_CASE("CSV fields that a spreadsheet would run as a formula are neutralised", "[deliver]") {
  CHECK(csv_row({"=HYPERLINK(\"http://example.invalid\")"}) == "\"'=HYPERLINK(\"\"http://example.invalid\"\")\"\r\n");
  CHECK(csv_row({"=cmd|' /C calc'!A0"}) == "'=cmd|' /C calc'!A0\r\n");
  CHECK(csv_row({"+1", "-1", "@SUM(A1)", "\tx", "\rx"}) == "'+1,'-1,'@SUM(A1),'\tx,\"'\rx\"\r\n");
  CHECK(csv_row({"a=b", "Müller-Lüdenscheidt"}) == "a=b,Müller-Lüdenscheidt\r\n");
}

}  // namespace
}  // namespace kuvert

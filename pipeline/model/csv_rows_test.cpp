#include "pipeline/model/csv_rows.hpp"

#include <catch2/catch.hpp>
#include <sstream>

#include "tests/support/record_test_files.hpp"

using namespace kuvert;
using namespace kuvert::test;

// ---- Rows of a records file ------------------------------------------------

TEST_CASE("CSV: a quote that is never closed", "[ingest][records]") {
  CHECK(problems_of_row("K-2,\"Erika,Ring 1,39104,Magdeburg,,2026-11-22,2026-11,12.50,,,\r\n") ==
        std::vector<std::string>{"file \"records.csv\": record \"row 3\": has a quote that is never closed (field 2)"});
}

TEST_CASE("CSV: a row past the limit is refused, not held", "[ingest][records]") {
  CHECK(problems_of_row(cat({"K-2,Erika,\"", std::string(kMaxRecordBytes, 'x'),
                             "\",39104,Magdeburg,,2026-11-22,2026-11,12.50,,,\r\n"})) ==
        std::vector<std::string>{"file \"records.csv\": record \"row 3\": is longer than 16 MiB; no record needs that "
                                 "much (is a quote never closed?)"});
}

TEST_CASE("CSV: text after a closing quote", "[ingest][records]") {
  CHECK(
      problems_of_row("K-2,\"Erika\" M,Ring 1,39104,Magdeburg,,2026-11-22,2026-11,12.50,,,\r\n") ==
      std::vector<std::string>{"file \"records.csv\": record \"row 3\": has text after the closing quote of field 2"});
}

TEST_CASE("CSV: a quote inside an unquoted cell is taken as it stands", "[ingest][records]") {
  CHECK(problems_of_row("K-2,Erika 5\" Muster,Ring 1,39104,Magdeburg,,2026-11-22,2026-11,12.50,,,\r\n", true).empty());
}

// ---- Rows as read --------------------------------------------------------------

TEST_CASE("CSV rows: cells, offsets, quoted newlines and blank rows", "[ingest][records]") {
  const std::string text = "\xEF\xBB\xBFid,name\r\nK-1,\"Frau\r\nErika \"\"E\"\"\"\n\nK-2,\n\"\"\nlast";
  std::istringstream in(text);
  const auto start = skip_bom(in);
  CHECK(start == 3);
  CsvRowReader rows(in, start);
  CsvRow row;
  REQUIRE(rows.next(row));
  CHECK(row.cells == std::vector<std::string>{"id", "name"});
  CHECK(row.offset == 3);
  REQUIRE(rows.next(row));
  CHECK(row.cells == std::vector<std::string>{"K-1", "Frau\r\nErika \"E\""});
  CHECK(row.offset == 12);
  CHECK(row.problem.empty());
  REQUIRE(rows.next(row));
  CHECK(row.blank());
  REQUIRE(rows.next(row));
  CHECK(row.cells == std::vector<std::string>{"K-2", ""});
  CHECK_FALSE(row.blank());
  REQUIRE(rows.next(row));
  CHECK(row.cells == std::vector<std::string>{""});
  CHECK_FALSE(row.blank());  // "" is a row with one empty cell
  REQUIRE(rows.next(row));
  CHECK(row.cells == std::vector<std::string>{"last"});
  CHECK(rows.offset() == text.size());
  CHECK_FALSE(rows.next(row));
}

TEST_CASE("CSV rows: a file without a byte order mark starts at 0", "[ingest][records]") {
  for (const std::string text : {"", "\xEF\xBB", "id\n"}) {
    std::istringstream in(text);
    CHECK(skip_bom(in) == 0);
    CsvRowReader rows(in, 0);
    CsvRow row;
    CHECK(rows.next(row) == !text.empty());
  }
}

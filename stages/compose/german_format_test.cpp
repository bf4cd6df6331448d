#include "stages/compose/german_format.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

using namespace kuvert::compose;

TEST_CASE("money groups thousands and puts a no-break space before the euro sign", "[compose][format]") {
  CHECK(money(123456) == "1.234,56\u00A0€");
  CHECK(money(0) == "0,00\u00A0€");
  CHECK(money(1) == "0,01\u00A0€");
  CHECK(money(10) == "0,10\u00A0€");
  CHECK(money(99999) == "999,99\u00A0€");
  CHECK(money(100000) == "1.000,00\u00A0€");
  CHECK(money(123456789012) == "1.234.567.890,12\u00A0€");
  // The bytes, so a wrong space cannot hide behind an editor's rendering.
  CHECK(money(500) == "5,00\xC2\xA0\xE2\x82\xAC");
}

TEST_CASE("money writes negative amounts with a minus sign", "[compose][format]") {
  CHECK(money(-123456) == "-1.234,56\u00A0€");
  CHECK(money(-1) == "-0,01\u00A0€");
  CHECK(money(-100) == "-1,00\u00A0€");
}

TEST_CASE("money handles the extremes of 64 bits", "[compose][format]") {
  CHECK(money(std::numeric_limits<std::int64_t>::max()) == "92.233.720.368.547.758,07\u00A0€");
  CHECK(money(std::numeric_limits<std::int64_t>::min()) == "-92.233.720.368.547.758,08\u00A0€");
}

TEST_CASE("decimal groups thousands and uses a decimal comma", "[compose][format]") {
  CHECK(decimal(1234.5, 1) == "1.234,5");
  CHECK(decimal(0.35, 2) == "0,35");
  CHECK(decimal(1234567.891, 2) == "1.234.567,89");
  CHECK(decimal(1.0, 3) == "1,000");
  CHECK(decimal(12, 0) == "12");
  CHECK(decimal(999, 0) == "999");
  CHECK(decimal(1000, 0) == "1.000");
  CHECK(decimal(0.5, 4) == "0,5000");
  CHECK(decimal(-1234.5, 2) == "-1.234,50");
}

TEST_CASE("decimal rounds half away from zero as the number was written", "[compose][format]") {
  // 0.005 and 2.675 lie just below their halves as doubles.
  CHECK(decimal(0.005, 2) == "0,01");
  CHECK(decimal(-0.005, 2) == "-0,01");
  CHECK(decimal(2.675, 2) == "2,68");
  CHECK(decimal(-2.675, 2) == "-2,68");
  CHECK(decimal(1.005, 2) == "1,01");
  CHECK(decimal(0.5, 0) == "1");
  CHECK(decimal(1.5, 0) == "2");
  CHECK(decimal(2.5, 0) == "3");
  CHECK(decimal(-2.5, 0) == "-3");
  CHECK(decimal(0.0049, 2) == "0,00");
  CHECK(decimal(2.674, 2) == "2,67");
  CHECK(decimal(0.1 + 0.2, 2) == "0,30");
}

TEST_CASE("decimal carries rounding into the whole part and its grouping", "[compose][format]") {
  CHECK(decimal(999.995, 2) == "1.000,00");
  CHECK(decimal(-999.995, 2) == "-1.000,00");
  CHECK(decimal(9.5, 0) == "10");
  CHECK(decimal(99999.96, 1) == "100.000,0");
  CHECK(decimal(0.96, 1) == "1,0");
}

TEST_CASE("decimal writes no minus sign on a zero result", "[compose][format]") {
  CHECK(decimal(0.0, 2) == "0,00");
  CHECK(decimal(-0.0, 2) == "0,00");
  CHECK(decimal(-0.004, 2) == "0,00");
  CHECK(decimal(-0.4, 0) == "0");
  CHECK(decimal(5e-324, 2) == "0,00");
}

TEST_CASE("decimal handles large values", "[compose][format]") {
  CHECK(decimal(1e20, 0) == "100.000.000.000.000.000.000");
  CHECK(decimal(1e13, 2) == "10.000.000.000.000,00");
  CHECK(decimal(-9007199254740993.0, 0) == "-9.007.199.254.740.992");
  auto largest = decimal(std::numeric_limits<double>::max(), 2);
  REQUIRE(largest);
  CHECK(largest->substr(0, 8) == "179.769.");
  CHECK(largest->size() == 309 + 102 + 3);
}

TEST_CASE("decimal refuses what it cannot write", "[compose][format]") {
  CHECK(decimal(std::numeric_limits<double>::quiet_NaN(), 2) == std::nullopt);
  CHECK(decimal(std::numeric_limits<double>::infinity(), 2) == std::nullopt);
  CHECK(decimal(-std::numeric_limits<double>::infinity(), 2) == std::nullopt);
  CHECK(decimal(1.5, -1) == std::nullopt);
  CHECK(decimal(1.5, 21) == std::nullopt);
  CHECK(decimal(1.5, 20) == "1,50000000000000000000");
}

TEST_CASE("integer_text groups thousands", "[compose][format]") {
  CHECK(integer_text(0) == "0");
  CHECK(integer_text(7) == "7");
  CHECK(integer_text(999) == "999");
  CHECK(integer_text(1000) == "1.000");
  CHECK(integer_text(1234567) == "1.234.567");
  CHECK(integer_text(-1000) == "-1.000");
  CHECK(integer_text(-999) == "-999");
  CHECK(integer_text(std::numeric_limits<std::int64_t>::max()) == "9.223.372.036.854.775.807");
  CHECK(integer_text(std::numeric_limits<std::int64_t>::min()) == "-9.223.372.036.854.775.808");
}

TEST_CASE("date_text writes ISO dates the German way", "[compose][format]") {
  CHECK(date_text("2026-11-22") == "22.11.2026");
  CHECK(date_text("2026-01-05") == "05.01.2026");
  CHECK(date_text("2026-12-31") == "31.12.2026");
  CHECK(date_text("0001-01-01") == "01.01.0001");
  CHECK(date_text("9999-12-31") == "31.12.9999");
}

TEST_CASE("date_text knows the length of every month and the leap years", "[compose][format]") {
  CHECK(date_text("2024-02-29") == "29.02.2024");
  CHECK(date_text("2000-02-29") == "29.02.2000");
  CHECK(date_text("2025-02-29") == std::nullopt);
  CHECK(date_text("2100-02-29") == std::nullopt);
  CHECK(date_text("2026-02-30") == std::nullopt);
  CHECK(date_text("2026-04-31") == std::nullopt);
  CHECK(date_text("2026-04-30") == "30.04.2026");
  CHECK(date_text("2026-01-32") == std::nullopt);
  CHECK(date_text("2026-01-00") == std::nullopt);
  CHECK(date_text("2026-00-10") == std::nullopt);
  CHECK(date_text("2026-13-01") == std::nullopt);
  CHECK(date_text("0000-01-01") == std::nullopt);
}

TEST_CASE("date_text refuses anything but YYYY-MM-DD", "[compose][format]") {
  CHECK(date_text("2026-1-5") == std::nullopt);
  CHECK(date_text("2026-11-22T10:00") == std::nullopt);
  CHECK(date_text("2026-11-22 ") == std::nullopt);
  CHECK(date_text(" 2026-11-22") == std::nullopt);
  CHECK(date_text("22.11.2026") == std::nullopt);
  CHECK(date_text("2026/11/22") == std::nullopt);
  CHECK(date_text("20261122") == std::nullopt);
  CHECK(date_text("2026-+1-22") == std::nullopt);
  CHECK(date_text("2026-11-2x") == std::nullopt);
  CHECK(date_text("") == std::nullopt);
}

TEST_CASE("period_text names every month in German", "[compose][format]") {
  CHECK(period_text("2026-01") == "Januar 2026");
  CHECK(period_text("2026-02") == "Februar 2026");
  CHECK(period_text("2026-03") == "März 2026");
  CHECK(period_text("2026-03") == "M\xC3\xA4rz 2026");
  CHECK(period_text("2026-04") == "April 2026");
  CHECK(period_text("2026-05") == "Mai 2026");
  CHECK(period_text("2026-06") == "Juni 2026");
  CHECK(period_text("2026-07") == "Juli 2026");
  CHECK(period_text("2026-08") == "August 2026");
  CHECK(period_text("2026-09") == "September 2026");
  CHECK(period_text("2026-10") == "Oktober 2026");
  CHECK(period_text("2026-11") == "November 2026");
  CHECK(period_text("2026-12") == "Dezember 2026");
}

TEST_CASE("period_text refuses anything but YYYY-MM", "[compose][format]") {
  CHECK(period_text("2026-00") == std::nullopt);
  CHECK(period_text("2026-13") == std::nullopt);
  CHECK(period_text("2026-1") == std::nullopt);
  CHECK(period_text("2026-11-22") == std::nullopt);
  CHECK(period_text("2026-11 ") == std::nullopt);
  CHECK(period_text("11/2026") == std::nullopt);
  CHECK(period_text("0000-11") == std::nullopt);
  CHECK(period_text("") == std::nullopt);
}

#include "pipeline/model/iso_date.hpp"

#include <catch2/catch.hpp>

using namespace kuvert;

TEST_CASE("ISO dates are real calendar days, leap years included", "[model]") {
  CHECK(is_iso_date("2026-12-02"));
  CHECK(is_iso_date("2028-02-29"));
  CHECK_FALSE(is_iso_date("2026-02-29"));
  CHECK_FALSE(is_iso_date("2026-02-30"));
  CHECK(is_iso_date("2000-02-29"));
  CHECK_FALSE(is_iso_date("1900-02-29"));
  CHECK_FALSE(is_iso_date("2026-13-01"));
  CHECK_FALSE(is_iso_date("2026-00-10"));
  CHECK_FALSE(is_iso_date("2026-1-01"));
  CHECK_FALSE(is_iso_date("yesterday"));
  CHECK_FALSE(is_iso_date("2026-12-02 "));
  CHECK_FALSE(is_iso_date("+026-12-02"));
  CHECK(parse_iso_date("2026-03-31")->day() == std::chrono::day{31});
  CHECK(parse_iso_month("2026-11").has_value());
  CHECK_FALSE(parse_iso_month("2026-11-01").has_value());
}

TEST_CASE("audit bounds are a date or a UTC time as the store writes it", "[model]") {
  CHECK(is_iso_date_or_time("2026-12-01"));
  CHECK(is_iso_date_or_time("2026-12-01T23:59:59Z"));
  CHECK_FALSE(is_iso_date_or_time("2026-12-01T24:00:00Z"));
  CHECK_FALSE(is_iso_date_or_time("2026-12-01T08:00"));
  CHECK_FALSE(is_iso_date_or_time("yesterday"));
}

TEST_CASE("a UTC time as the store writes it reads as Unix seconds", "[model]") {
  CHECK(kuvert::parse_iso_time("2026-12-01T23:30:00Z") == 1796167800);
  CHECK(kuvert::parse_iso_time("1970-01-01T00:00:00Z") == 0);
  CHECK(kuvert::parse_iso_time("2024-02-29T12:00:00Z") == 1709208000);
  CHECK_FALSE(kuvert::parse_iso_time("2026-12-01"));
  CHECK_FALSE(kuvert::parse_iso_time("2026-02-30T00:00:00Z"));
  CHECK_FALSE(kuvert::parse_iso_time("2026-12-01T23:30:00+01"));
}

#include "pipeline/config/centre_time.hpp"

#include <catch2/catch.hpp>

#include "pipeline/model/error.hpp"

using kuvert::CentreTime;

TEST_CASE("The centre's day runs from its local midnight to the next, clock changes included", "[config]") {
  const CentreTime berlin("Europe/Berlin");
  // 2026-12-01 23:30 UTC is already 2 December in Berlin (UTC+1).
  const auto december = berlin.day_of(1796167800);
  CHECK(december.date == "2026-12-02");
  CHECK(december.start == 1796166000);  // 2026-12-01T23:00:00Z
  CHECK(december.end - december.start == 24 * 3600);
  // 29 March 2026: the clocks go forward, a day of 23 hours.
  const auto spring = berlin.day_of(1774785600);  // 2026-03-29T12:00:00Z
  CHECK(spring.date == "2026-03-29");
  CHECK(spring.end - spring.start == 23 * 3600);
  CHECK(CentreTime("UTC").day_of(1796167800).date == "2026-12-01");
}

TEST_CASE("An unknown time zone is named", "[config]") {
  CHECK(CentreTime::problem("Europe/Berlin").empty());
  CHECK(CentreTime::problem("Europe/Musterstadt") ==
        "\"Europe/Musterstadt\" is no time zone this system knows (such as \"Europe/Berlin\")");
  CHECK_THROWS_AS(CentreTime("MEZ"), kuvert::Error);
}

TEST_CASE("A moment for the print room's paper is the centre's clock, summer time included", "[config]") {
  const CentreTime berlin("Europe/Berlin");
  CHECK(berlin.clock_text(1796167800) == "02.12.2026 00:30");  // 2026-12-01T23:30:00Z, UTC+1
  CHECK(berlin.clock_text(1774785600) == "29.03.2026 14:00");  // 2026-03-29T12:00:00Z, UTC+2 from that night
  CHECK(CentreTime("UTC").clock_text(1796167800) == "01.12.2026 23:30");
}

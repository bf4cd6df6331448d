#include "stages/reconcile/notification_date.hpp"

#include <catch2/catch.hpp>

#include "pipeline/model/iso_date.hpp"

namespace {

std::string notified(const char* posted, const kuvert::NotificationRule& rule) {
  return kuvert::iso_date_text(kuvert::notified_on(*kuvert::parse_iso_date(posted), rule));
}

}  // namespace

TEST_CASE("A notice counts as notified on the fourth day after posting", "[model][posting]") {
  const kuvert::NotificationRule law;
  CHECK(notified("2026-12-01", law) == "2026-12-05");  // Tuesday -> Saturday: the law's own text keeps it
  CHECK(notified("2026-12-29", law) == "2027-01-02");  // across the year
  CHECK(notified("2028-02-27", law) == "2028-03-02");  // a leap year's 29 February counts
}

TEST_CASE("Where the client's rules say so, a weekend or holiday moves it to the next working day",
          "[model][posting]") {
  using namespace std::chrono;
  kuvert::NotificationRule rule{4, true, {}};
  CHECK(notified("2026-12-01", rule) == "2026-12-07");  // Saturday -> Monday
  CHECK(notified("2026-12-02", rule) == "2026-12-07");  // Sunday -> Monday
  CHECK(notified("2026-12-03", rule) == "2026-12-07");  // Monday itself
  rule.holidays = {sys_days(2026y / 12 / 25), sys_days(2026y / 12 / 26)};
  CHECK(notified("2026-12-21", rule) == "2026-12-28");  // Friday 25th (holiday), Saturday, Sunday
  CHECK(notified("2026-12-22", rule) == "2026-12-28");
  rule.days = 3;  // as before 2025
  CHECK(notified("2026-12-01", rule) == "2026-12-04");
}

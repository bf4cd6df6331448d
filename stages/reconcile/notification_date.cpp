#include "stages/reconcile/notification_date.hpp"

#include <cstdio>

namespace kuvert {

std::chrono::year_month_day notified_on(std::chrono::year_month_day posted, const NotificationRule& rule) {
  using namespace std::chrono;
  sys_days day = sys_days(posted) + days(rule.days);
  const auto working = [&rule](sys_days candidate) {
    const weekday named(candidate);
    return named != Saturday && named != Sunday && !rule.holidays.contains(candidate);
  };
  if (rule.next_working_day)
    while (!working(day)) day += days(1);
  return year_month_day(day);
}

std::string iso_date_text(std::chrono::year_month_day date) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()));
  return text;
}

}  // namespace kuvert

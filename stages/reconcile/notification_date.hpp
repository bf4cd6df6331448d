#pragma once
// When a notice sent by post counts as notified (bekanntgegeben): § 41 (2)
// VwVfG and § 122 (2) AO as in force from 2025, the fourth day after it
// was handed to the postal service; where a client's rules say so (its
// state's law or courts), moved to the next working day when that day is
// a Saturday, Sunday or public holiday of the client's list.
#include <chrono>
#include <set>
#include <string>

namespace kuvert {

struct NotificationRule {
  int days = 4;
  bool next_working_day = false;
  std::set<std::chrono::sys_days> holidays;
};

std::chrono::year_month_day notified_on(std::chrono::year_month_day posted, const NotificationRule& rule);

// "2026-12-07".
std::string iso_date_text(std::chrono::year_month_day date);

}  // namespace kuvert

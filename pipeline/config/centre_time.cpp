#include "pipeline/config/centre_time.hpp"

#include <date/tz.h>

#include <stdexcept>

#include "pipeline/model/error.hpp"

namespace kuvert {

namespace {

const date::time_zone* located(const std::string& zone) {
  try {
    return date::locate_zone(zone);
  } catch (const std::runtime_error&) {
    return nullptr;
  }
}

}  // namespace

std::string CentreTime::problem(const std::string& zone) {
  return located(zone) ? "" : "\"" + zone + "\" is no time zone this system knows (such as \"Europe/Berlin\")";
}

CentreTime::CentreTime(const std::string& zone) : zone_(located(zone)) {
  if (!zone_) throw_input(Where{.field = "time_zone"}, problem(zone));
}

CentreTime::Day CentreTime::day_of(std::int64_t unix_seconds) const {
  using namespace std::chrono;
  const sys_seconds at{seconds{unix_seconds}};
  const auto midnight = date::floor<date::days>(zone_->to_local(at));
  const auto start = zone_->to_sys(midnight, date::choose::earliest);
  const auto end = zone_->to_sys(midnight + date::days{1}, date::choose::earliest);
  return {date::format("%F", midnight), duration_cast<seconds>(start.time_since_epoch()).count(),
          duration_cast<seconds>(end.time_since_epoch()).count()};
}

std::string CentreTime::clock_text(std::int64_t unix_seconds) const {
  const std::chrono::sys_seconds at{std::chrono::seconds{unix_seconds}};
  return date::format("%d.%m.%Y %H:%M", zone_->to_local(at));
}

CentreTime::Period CentreTime::month(std::chrono::year_month month) const {
  using namespace std::chrono;
  const auto local_start = [](std::chrono::year_month ym) {
    return date::local_days{date::year{static_cast<int>(ym.year())} / date::month{static_cast<unsigned>(ym.month())} /
                            1};
  };
  const auto seconds_of = [&](std::chrono::year_month ym) {
    return duration_cast<seconds>(zone_->to_sys(local_start(ym), date::choose::earliest).time_since_epoch()).count();
  };
  return {seconds_of(month), seconds_of(month + months{1})};
}

}  // namespace kuvert

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

}  // namespace kuvert

#pragma once
// The centre's own time zone ([console] time_zone in kuvert.toml): what
// "today" means on the floor. The store keeps UTC; days and clock times
// for people are reckoned here, daylight saving included (the system's
// time zone database, through Debian's date-tz).
#include <chrono>
#include <cstdint>
#include <string>

namespace date {
class time_zone;
}

namespace kuvert {

class CentreTime {
 public:
  // Throws kuvert::Error (input) naming the zone when the system's time
  // zone database does not know it.
  explicit CentreTime(const std::string& zone);

  // What is wrong with `zone` as a time zone, or "" when the system knows it.
  static std::string problem(const std::string& zone);

  // One local day, as unix seconds: [start, end); 23 or 25 hours long on
  // the days the clocks change.
  struct Day {
    std::string date;  // "2026-12-02"
    std::int64_t start = 0;
    std::int64_t end = 0;
  };
  Day day_of(std::int64_t unix_seconds) const;
  // A month (its first midnight to the next month's) in the same way.
  struct Period {
    std::int64_t start = 0;
    std::int64_t end = 0;
  };
  Period month(std::chrono::year_month month) const;
  // "03.12.2026 15:05": a moment as the print room's paper says it.
  std::string clock_text(std::int64_t unix_seconds) const;

 private:
  const date::time_zone* zone_;
};

}  // namespace kuvert

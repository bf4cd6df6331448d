#include "pipeline/model/iso_date.hpp"

#include <ctime>

namespace kuvert {
namespace {

// The value of `text` if it is all ASCII digits (and not empty).
std::optional<int> digits(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

bool in_range(std::optional<int> value, int low, int high) { return value && *value >= low && *value <= high; }

}  // namespace

std::optional<std::chrono::year_month> parse_iso_month(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  const auto year = digits(text.substr(0, 4)), month = digits(text.substr(5, 2));
  if (!in_range(year, 1, 9999) || !in_range(month, 1, 12)) return std::nullopt;
  return std::chrono::year{*year} / std::chrono::month{static_cast<unsigned>(*month)};
}

std::optional<std::chrono::year_month_day> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[7] != '-') return std::nullopt;
  const auto month = parse_iso_month(text.substr(0, 7));
  const auto day = digits(text.substr(8, 2));
  if (!month || !in_range(day, 1, 31)) return std::nullopt;
  const std::chrono::year_month_day date = *month / std::chrono::day{static_cast<unsigned>(*day)};
  if (!date.ok()) return std::nullopt;
  return date;
}

bool is_iso_date_or_time(std::string_view text) {
  if (text.size() == 10) return is_iso_date(text);
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z') return false;
  return is_iso_date(text.substr(0, 10)) && in_range(digits(text.substr(11, 2)), 0, 23) &&
         in_range(digits(text.substr(14, 2)), 0, 59) && in_range(digits(text.substr(17, 2)), 0, 60);
}

std::optional<std::int64_t> parse_iso_time(std::string_view text) {
  if (text.size() != 20 || !is_iso_date_or_time(text)) return std::nullopt;
  const auto seconds = [&](std::size_t at, int unit) { return std::int64_t{*digits(text.substr(at, 2))} * unit; };
  return std::chrono::sys_days(*parse_iso_date(text.substr(0, 10))).time_since_epoch() / std::chrono::seconds(1) +
         seconds(11, 3600) + seconds(14, 60) + seconds(17, 1);
}

std::string utc_text(std::int64_t unix_seconds, const char* format) {
  const std::time_t time = unix_seconds;
  std::tm utc{};
  gmtime_r(&time, &utc);
  char text[64];
  return std::string(text, std::strftime(text, sizeof text, format, &utc));
}

}  // namespace kuvert

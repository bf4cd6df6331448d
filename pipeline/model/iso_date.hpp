#pragma once
// ISO dates and times as kuvert reads them everywhere (job fields, --date,
// audit filters): one parser, real calendar days only (no 2026-02-30).
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kuvert {

// "2026-12-02": exactly ten characters, a day that exists.
std::optional<std::chrono::year_month_day> parse_iso_date(std::string_view text);
inline bool is_iso_date(std::string_view text) { return parse_iso_date(text).has_value(); }

// "2026-12" (a pay period): a month of a year.
std::optional<std::chrono::year_month> parse_iso_month(std::string_view text);

// A date or a UTC time as the store writes it, "2026-12-02T08:30:00Z": the
// bounds audit filters take.
bool is_iso_date_or_time(std::string_view text);

// "2026-12-02T08:30:00Z" as Unix seconds; nothing for another text.
std::optional<std::int64_t> parse_iso_time(std::string_view text);

// A Unix time in UTC as strftime writes it with `format`; the clock itself
// stays with the caller.
std::string utc_text(std::int64_t unix_seconds, const char* format);
// "2026-11-22T12:00:00Z", as the store, tickets and archives write times.
inline std::string iso_time(std::int64_t unix_seconds) { return utc_text(unix_seconds, "%Y-%m-%dT%H:%M:%SZ"); }

}  // namespace kuvert

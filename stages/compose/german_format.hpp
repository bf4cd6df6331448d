#pragma once
// Numbers, amounts and dates as German letters print them (DIN 5008):
// "1.234,56 €", "1.234.567", "22.11.2026", "November 2026". Pure functions,
// independent of any locale, safe to call from any thread. Output is UTF-8.
// Nothing here throws for bad input: what cannot be formatted is nullopt,
// and the caller reports it with the record and field it came from.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kuvert::compose {

// An amount in cents: "1.234,56 €", "-1.234,56 €", "0,00 €". Points group
// the thousands; a no-break space (U+00A0) keeps the euro sign on the line.
std::string money(std::int64_t cents);

// `value` with `decimals` places, rounded half away from zero as written in
// decimal (2.675 -> "2,68", though the double lies just below), thousands
// grouped: decimal(1234.5, 1) == "1.234,5", decimal(0.35, 2) == "0,35".
// A result that rounds to zero has no minus sign. nullopt when `value` is
// not finite or `decimals` is outside 0..20.
std::optional<std::string> decimal(double value, int decimals);

// A whole number with grouped thousands: "1.234.567", "-1.000", "999".
std::string integer_text(std::int64_t value);

// "2026-11-22" -> "22.11.2026". nullopt unless `iso` is exactly YYYY-MM-DD
// (years 0001 to 9999) and a real date of the Gregorian calendar:
// "2026-02-30", "2026-1-5" and "2026-11-22T10:00" are refused.
std::optional<std::string> date_text(std::string_view iso);

// "2026-11" -> "November 2026", "2026-03" -> "März 2026". nullopt unless
// `iso_month` is exactly YYYY-MM with years 0001 to 9999.
std::optional<std::string> period_text(std::string_view iso_month);

}  // namespace kuvert::compose

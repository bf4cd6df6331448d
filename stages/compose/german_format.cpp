#include "stages/compose/german_format.hpp"

// Why decimal() rounds the shortest decimal text of the double rather than
// the double itself: a notice's data arrives as JSON, and the number a clerk
// wrote as 2.675 is stored as 2.67499999999999982..., which arithmetic
// rounding would print as "2,67". The shortest text that reads back as the
// same double (std::to_chars without a precision) is exactly what was written,
// so rounding that text half away from zero gives what the clerk expects.
//
// Everything is built by hand from digits: std::locale and printf's "%'"
// depend on the machine's installed locales, and letters must not.

#include <array>
#include <charconv>
#include <cmath>
#include <system_error>

#include "pipeline/model/iso_date.hpp"

namespace kuvert::compose {
namespace {

constexpr std::string_view no_break_space = "\u00A0";

// "1234567" -> "1.234.567"; `digits` holds decimal digits only.
std::string grouped(std::string_view digits) {
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return out;
}

// The magnitude of `value`, also for the most negative one.
std::uint64_t magnitude(std::int64_t value) {
  return value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
}

// The value of `text` when it is one or more decimal digits, else nullopt.
// Adds one to the decimal number in `digits` (which may start with '0'),
// growing it by a leading '1' when every digit carries.
void increment(std::string& digits) {
  for (auto i = digits.size(); i > 0; --i) {
    if (digits[i - 1] != '9') {
      ++digits[i - 1];
      return;
    }
    digits[i - 1] = '0';
  }
  digits.insert(digits.begin(), '1');
}

}  // namespace

std::string money(std::int64_t cents) {
  std::uint64_t m = magnitude(cents);
  std::string out;
  if (cents < 0) out += '-';
  out += grouped(std::to_string(m / 100));
  out += ',';
  out += static_cast<char>('0' + m % 100 / 10);
  out += static_cast<char>('0' + m % 10);
  out += no_break_space;
  out += "€";
  return out;
}

std::optional<std::string> decimal(double value, int decimals) {
  if (!std::isfinite(value) || decimals < 0 || decimals > 20) return std::nullopt;
  // The shortest fixed text of a double has at most 17 significant digits:
  // 309 integer digits for the largest, "0." and 323 zeros before them for
  // the smallest subnormal.
  std::array<char, 400> buffer;
  auto [end, error] =
      std::to_chars(buffer.data(), buffer.data() + buffer.size(), std::fabs(value), std::chars_format::fixed);
  if (error != std::errc()) return std::nullopt;
  std::string_view text(buffer.data(), static_cast<std::size_t>(end - buffer.data()));
  auto point = text.find('.');
  std::string whole(text.substr(0, point));
  std::string fraction(point == std::string_view::npos ? std::string_view() : text.substr(point + 1));

  auto places = static_cast<std::size_t>(decimals);
  bool round_up = fraction.size() > places && fraction[places] >= '5';
  fraction.resize(places, '0');
  if (round_up) {
    // Carry through the kept fraction into the whole part.
    std::string all = whole + fraction;
    increment(all);
    whole = all.substr(0, all.size() - places);
    fraction = all.substr(all.size() - places);
  }

  bool zero = whole.find_first_not_of('0') == std::string::npos && fraction.find_first_not_of('0') == std::string::npos;
  std::string out;
  if (std::signbit(value) && !zero) out += '-';
  out += grouped(whole);
  if (places > 0) {
    out += ',';
    out += fraction;
  }
  return out;
}

std::string integer_text(std::int64_t value) {
  std::string out;
  if (value < 0) out += '-';
  out += grouped(std::to_string(magnitude(value)));
  return out;
}

std::optional<std::string> date_text(std::string_view iso) {
  if (!parse_iso_date(iso)) return std::nullopt;
  std::string out;
  out += iso.substr(8, 2);
  out += '.';
  out += iso.substr(5, 2);
  out += '.';
  out += iso.substr(0, 4);
  return out;
}

std::optional<std::string> period_text(std::string_view iso_month) {
  constexpr std::array<std::string_view, 12> months{"Januar",    "Februar", "März",     "April",
                                                    "Mai",       "Juni",    "Juli",     "August",
                                                    "September", "Oktober", "November", "Dezember"};
  const auto ym = parse_iso_month(iso_month);
  if (!ym) return std::nullopt;
  std::string out(months[static_cast<unsigned>(ym->month()) - 1]);
  out += ' ';
  out += iso_month.substr(0, 4);
  return out;
}

}  // namespace kuvert::compose#include "pipeline/model/iso_date.hpp"


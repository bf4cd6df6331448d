#include "pipeline/model/pdf_object.hpp"

#include <cmath>

namespace kuvert {

std::string pdf_thousandths(std::int64_t thousandths) {
  std::string text = thousandths < 0 ? "-" : "";
  const std::uint64_t magnitude =
      thousandths < 0 ? static_cast<std::uint64_t>(-thousandths) : static_cast<std::uint64_t>(thousandths);
  text += std::to_string(magnitude / 1000);
  const std::uint64_t fraction = magnitude % 1000;
  if (fraction == 0) return text;
  std::string digits = std::to_string(fraction);
  digits.insert(0, 3 - digits.size(), '0');
  while (digits.back() == '0') digits.pop_back();
  text += '.';
  return text += digits;
}

std::string pdf_number(double value) { return pdf_thousandths(std::llround(value * 1000)); }

std::string pdf_reference(std::uint32_t number) {
  std::string text = std::to_string(number);
  return text += " 0 R";
}

std::string pdf_date(const std::string& iso) {
  std::string date = "D:";
  for (const char c : iso)
    if (c >= '0' && c <= '9' && date.size() < 16) date += c;
  return date += 'Z';
}

}  // namespace kuvert

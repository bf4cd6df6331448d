#include "tools/inserter_sim/sheet_code.hpp"

#include <charconv>

namespace kuvert::inserter_sim {
std::optional<std::uint32_t> count_from_1(std::string_view text) {
  std::uint32_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value == 0) return std::nullopt;
  return value;
}

SheetCode unreadable(std::string problem) {
  SheetCode code;
  code.problem = std::move(problem);
  return code;
}

SheetCode decode_datamatrix(const std::string& payload) {
  constexpr std::string_view kDivert = "|DIVERT";
  if (payload.ends_with(kDivert) && payload.find('|') == payload.size() - kDivert.size() &&
      payload.size() > kDivert.size()) {
    SheetCode code;
    code.readable = true;
    code.divert = true;
    code.piece = payload.substr(0, payload.size() - kDivert.size());
    return code;
  }
  const auto first = payload.find('|');
  const auto second = first == std::string::npos ? first : payload.find('|', first + 1);
  if (second == std::string::npos || first == 0)
    return unreadable("code \"" + payload + "\" is not a kuvert sheet code");
  const std::string sheet = payload.substr(first + 1, second - first - 1);
  const auto slash = sheet.find('/');
  SheetCode code;
  // 0 where there is no count from 1.
  const std::uint32_t n = slash == std::string::npos ? 0 : count_from_1(sheet.substr(1, slash - 1)).value_or(0);
  const std::uint32_t m = slash == std::string::npos ? 0 : count_from_1(sheet.substr(slash + 1)).value_or(0);
  if (sheet.size() < 4 || sheet[0] != 'S' || n == 0 || m == 0 || n > m)
    return unreadable("code \"" + payload + "\" has no sheet n of m");
  code.sheet = n;
  code.of = m;
  code.readable = true;
  code.piece = payload.substr(0, first);
  return code;
}

}  // namespace kuvert::inserter_sim

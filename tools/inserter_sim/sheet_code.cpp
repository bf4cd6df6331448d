#include "tools/inserter_sim/sheet_code.hpp"

#include <charconv>

namespace kuvert::inserter_sim {
namespace {

bool parse_count(const std::string& text, std::uint32_t& value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() && value > 0;
}

}  // namespace

SheetCode unreadable(std::string problem) {
  SheetCode code;
  code.problem = std::move(problem);
  return code;
}

SheetCode decode_datamatrix(const std::string& payload) {
  const auto first = payload.find('|');
  const auto second = first == std::string::npos ? first : payload.find('|', first + 1);
  if (second == std::string::npos || first == 0)
    return unreadable("code \"" + payload + "\" is not a kuvert sheet code");
  const std::string sheet = payload.substr(first + 1, second - first - 1);
  const auto slash = sheet.find('/');
  SheetCode code;
  if (sheet.size() < 4 || sheet[0] != 'S' || slash == std::string::npos ||
      !parse_count(sheet.substr(1, slash - 1), code.sheet) || !parse_count(sheet.substr(slash + 1), code.of) ||
      code.sheet > code.of)
    return unreadable("code \"" + payload + "\" has no sheet n of m");
  code.readable = true;
  code.piece = payload.substr(0, first);
  return code;
}

}  // namespace kuvert::inserter_sim

#include "stages/deliver/csv_text.hpp"

namespace kuvert {
namespace {

bool starts_a_formula(const std::string& text) {
  return !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
}

}  // namespace

std::string csv_row(const std::vector<std::string>& fields) {
  std::string row;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) row += ',';
    const std::string& text = fields[i];
    const bool quoted = text.find_first_of(",\"\r\n") != std::string::npos;
    if (quoted) row += '"';
    if (starts_a_formula(text)) row += '\'';
    for (const char c : text) {
      if (quoted && c == '"') row += '"';
      row += c;
    }
    if (quoted) row += '"';
  }
  return row += "\r\n";
}

}  // namespace kuvert

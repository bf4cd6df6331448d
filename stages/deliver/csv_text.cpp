#include "stages/deliver/csv_text.hpp"

namespace kuvert {

std::string csv_row(const std::vector<std::string>& fields) {
  std::string row;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) row += ',';
    const std::string& text = fields[i];
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
      row += text;
      continue;
    }
    row += '"';
    for (const char c : text) {
      if (c == '"') row += '"';
      row += c;
    }
    row += '"';
  }
  return row += "\r\n";
}

}  // namespace kuvert

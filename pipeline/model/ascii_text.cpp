#include "pipeline/model/ascii_text.hpp"

#include "pipeline/model/utf8.hpp"

namespace kuvert {

std::optional<std::string> german_ascii(std::string_view utf8) {
  std::string out;
  for (std::size_t pos = 0; pos < utf8.size();) {
    const char32_t cp = next_code_point(utf8, pos);
    switch (cp) {
      case U'ä': out += "ae"; break;
      case U'ö': out += "oe"; break;
      case U'ü': out += "ue"; break;
      case U'Ä': out += "Ae"; break;
      case U'Ö': out += "Oe"; break;
      case U'Ü': out += "Ue"; break;
      case U'ß': out += "ss"; break;
      case U'ẞ': out += "SS"; break;
      default:
        if (cp < 0x20 || cp >= 0x7f) return std::nullopt;
        out += static_cast<char>(cp);
    }
  }
  return out;
}

}  // namespace kuvert

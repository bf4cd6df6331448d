#include "pipeline/model/plain_text.hpp"

#include <cstdio>

#include "pipeline/model/utf8.hpp"

namespace kuvert {

std::optional<std::string> plain_text_problem(std::string_view text) {
  if (text.size() > kMaxTextBytes) {
    return "is " + std::to_string(text.size()) + " bytes long; at most " + std::to_string(kMaxTextBytes) +
           " are allowed";
  }
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t at = pos;
    const char32_t cp = next_code_point(text, pos);
    if (cp != kNotUtf8 && is_control_character(cp)) {
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
      return std::string("contains the control character ") + code + " at byte " + std::to_string(at + 1) +
             "; expected plain text";
    }
  }
  return std::nullopt;
}

bool is_blank(std::string_view text) { return text.find_first_not_of(' ') == std::string_view::npos; }

}  // namespace kuvert

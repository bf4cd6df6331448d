#include "pipeline/model/terminal_text.hpp"

#include <cstdio>

#include "pipeline/model/utf8.hpp"

namespace kuvert {
namespace {

void append_escape(std::string& out, const char* format, unsigned value) {
  char escape[16];
  std::snprintf(escape, sizeof escape, format, value);
  out += escape;
}

}  // namespace

std::string terminal_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t cp = next_code_point(text, pos);
    if (cp == kNotUtf8) {
      append_escape(out, "\\x%02X", static_cast<unsigned char>(text[start]));
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp < 0x20 || cp == 0x7F) {
      append_escape(out, "\\x%02X", static_cast<unsigned>(cp));
    } else if (is_control_character(cp)) {
      append_escape(out, "\\u%04X", static_cast<unsigned>(cp));
    } else {
      out.append(text.substr(start, pos - start));
    }
  }
  return out;
}

}  // namespace kuvert

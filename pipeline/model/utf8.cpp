#include "pipeline/model/utf8.hpp"

#include <cstdio>

namespace kuvert {

char32_t next_code_point(std::string_view text, std::size_t& pos) {
  const auto byte = [&](std::size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 0u; };
  const unsigned lead = byte(pos);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  const std::size_t length = lead >= 0xC2 && lead <= 0xDF   ? 2
                             : lead >= 0xE0 && lead <= 0xEF ? 3
                             : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                            : 0;
  // Only the second byte's range depends on the lead (Unicode table 3-7).
  const unsigned low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
  const unsigned high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
  const auto not_utf8 = [&pos] {
    ++pos;
    return kNotUtf8;
  };
  if (length == 0) return not_utf8();
  char32_t cp = lead & (0x7Fu >> length);
  for (std::size_t k = 1; k < length; ++k) {
    const unsigned next = byte(pos + k);
    if (next < (k == 1 ? low : 0x80u) || next > (k == 1 ? high : 0xBFu)) return not_utf8();
    cp = cp << 6 | (next & 0x3F);
  }
  pos += length;
  return cp;
}

std::size_t invalid_utf8_at(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {  // most of any text: no call
      ++pos;
      continue;
    }
    const std::size_t at = pos;
    if (next_code_point(text, pos) == kNotUtf8) return at;
  }
  return std::string_view::npos;
}

bool is_control_character(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || cp == 0x200E || cp == 0x200F ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

std::string well_formed_utf8(std::string_view text) {
  if (invalid_utf8_at(text) == std::string_view::npos) return std::string(text);
  std::string fixed;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t start = at;
    const char32_t cp = next_code_point(text, at);
    if (cp == kNotUtf8)
      append_utf8(fixed, 0xFFFD);
    else
      fixed.append(text, start, at - start);
  }
  return fixed;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string utf16_hex(std::string_view text) {
  std::string hex;
  char unit[8];
  const auto put = [&](unsigned value) {
    std::snprintf(unit, sizeof unit, "%04X", value);
    hex += unit;
  };
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = next_code_point(text, pos);
    if (cp == kNotUtf8) continue;
    if (cp >= 0x10000) {
      put(0xD800 + ((cp - 0x10000) >> 10));
      put(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      put(cp);
    }
  }
  return hex;
}

}  // namespace kuvert

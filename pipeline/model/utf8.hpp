#pragma once
// UTF-8 text taken apart into code points, for the stages that set and
// read text.
#include <string>
#include <string_view>

namespace kuvert {

inline constexpr char32_t kNotUtf8 = 0xFFFFFFFF;

// The code point at `pos`, advancing past it; kNotUtf8 (advancing one
// byte) where the bytes are not UTF-8.
char32_t next_code_point(std::string_view text, std::size_t& pos);

// Characters that no field of a letter, an address or an id may hold,
// because they are invisible or move text about: C0 controls (tab and line
// breaks among them), DEL, C1 controls (NEL among them), the line and
// paragraph separators and the bidirectional marks, embeddings, overrides
// and isolates. Terminals and logs get them escaped.
bool is_control_character(char32_t cp);

// Appends `cp` in UTF-8.
void append_utf8(std::string& out, char32_t cp);

// UTF-16BE as PDF hex strings write it: "Ä€" -> "00C420AC".
std::string utf16_hex(std::string_view text);

}  // namespace kuvert

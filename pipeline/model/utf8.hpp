#pragma once
// UTF-8 text taken apart into code points, for the stages that set and
// read text: one strict reading (RFC 3629) everywhere, so that what the
// records check passed is what composing and the terminal see.
#include <string>
#include <string_view>

namespace kuvert {

inline constexpr char32_t kNotUtf8 = 0xFFFFFFFF;

// The code point at `pos`, advancing past it; kNotUtf8 (advancing one
// byte) where the bytes are not well-formed UTF-8: no overlong forms, no
// surrogates, nothing past U+10FFFF.
char32_t next_code_point(std::string_view text, std::size_t& pos);

// Where `text` stops being well-formed UTF-8: the first byte of the bad
// sequence, or std::string_view::npos when it is all well-formed.
std::size_t invalid_utf8_at(std::string_view text);

// Characters that no field of a letter, an address or an id may hold,
// because they are invisible or move text about: C0 controls (tab and line
// breaks among them), DEL, C1 controls (NEL among them), the line and
// paragraph separators and the bidirectional marks, embeddings, overrides
// and isolates. Terminals and logs get them escaped.
bool is_control_character(char32_t cp);

// `text` with U+FFFD in place of each byte that is not well-formed UTF-8
// (a Latin-1 file name from a Windows share), as a browser shows it.
std::string well_formed_utf8(std::string_view text);

// Appends `cp` in UTF-8.
void append_utf8(std::string& out, char32_t cp);

// UTF-16BE as PDF hex strings write it: "Ä€" -> "00C420AC".
std::string utf16_hex(std::string_view text);

}  // namespace kuvert

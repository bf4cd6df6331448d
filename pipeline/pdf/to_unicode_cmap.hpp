#pragma once
// The text a font's /ToUnicode CMap gives its codes: the bfchar and bfrange
// entries, read with the flat content lexer (a CMap is PostScript of the
// same tokens), everything else in it passed over. A code is its bytes
// read big-endian (at most four); its text is the UTF-8 of the UTF-16BE
// the CMap holds, a lone surrogate read as U+FFFD. The CMap comes from the
// file, so it is limited: at most kMaxCmapCodes codes in all (a range past
// that is cut), kMaxCmapText bytes of text a code, and kMaxCmapSteps codes
// given by all entries together (the rest is not read).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

namespace kuvert::pdf {

inline constexpr std::size_t kMaxCmapCodes = std::size_t{1} << 16;
inline constexpr std::size_t kMaxCmapText = 32;
inline constexpr std::size_t kMaxCmapSteps = 4 * kMaxCmapCodes;

using CodeText = std::unordered_map<std::uint32_t, std::string>;

CodeText read_to_unicode_cmap(std::string_view cmap);

}  // namespace kuvert::pdf

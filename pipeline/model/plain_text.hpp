#pragma once
// The rule for every text field of a job manifest and of a record: bounded
// in length (a 10 MB job name once made run files that no printer folder
// could take), and free of control characters (pipeline/model/utf8.hpp),
// which would forge lines in logs and manifests or hide what an address
// says. Blank text counts as missing where a field is required.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kuvert {

inline constexpr std::size_t kMaxTextBytes = 1024;

// What is wrong with `text`, or nothing. UTF-8 has been checked before
// (the JSON and CSV readers refuse anything else).
std::optional<std::string> plain_text_problem(std::string_view text);

// Whether `text` holds nothing but spaces.
bool is_blank(std::string_view text);

}  // namespace kuvert

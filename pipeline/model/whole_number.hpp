#pragma once
// A whole number written as digits and nothing else ("37", "-2"); nothing
// for "", " 37", "+37", "37a" or a number past 64 bits. For numbers in
// requests and in files kuvert reads back, where std::stoll would take a
// prefix and throw on the rest.
#include <charconv>
#include <cstdint>
#include <optional>
#include <string_view>

namespace kuvert {

inline std::optional<std::int64_t> whole_number(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace kuvert

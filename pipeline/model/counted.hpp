#pragma once
// "1 run", "2 runs": counts in messages, logs and summaries.
#include <cstdint>
#include <string>

namespace kuvert {

inline std::string counted(std::uint64_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace kuvert

#pragma once
#include <string>

namespace kuvert {

// The parts one after the other (strings, string views, literals). Builds
// with += : GCC 12 warns falsely about "literal" + std::string chains.
template <typename... Parts>
std::string concat(const Parts&... parts) {
  std::string out;
  (out += ... += parts);
  return out;
}

}  // namespace kuvert

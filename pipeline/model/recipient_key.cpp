#include "pipeline/model/recipient_key.hpp"

#include <algorithm>

namespace kuvert {

namespace {
constexpr std::size_t kPostcodeAt = 3;
}

std::string RecipientKey::leitregion() const {
  if (!domestic()) return "";
  return std::string(reinterpret_cast<const char*>(presort.data()) + kPostcodeAt, 2);
}

std::array<unsigned char, 16> presort_key(std::string_view postcode, std::string_view country) {
  std::array<unsigned char, 16> key{};
  if (country != "DE") {
    key[0] = 1;
    std::copy_n(country.begin(), std::min<std::size_t>(country.size(), 2), key.begin() + 1);
  }
  std::copy_n(postcode.begin(), std::min(postcode.size(), key.size() - kPostcodeAt), key.begin() + kPostcodeAt);
  return key;
}

}  // namespace kuvert

#include "pipeline/model/money_amount.hpp"

#include <cmath>

namespace kuvert {

std::optional<std::int64_t> cents_of(double euros) {
  if (!std::isfinite(euros) || std::fabs(euros) > 1e13) return std::nullopt;
  // A JSON number is the double nearest its text. An amount written with
  // at most two decimals is exactly the double nearest its whole cents
  // divided by 100 (both operations round correctly, and below 10^13 euros
  // `euros * 100` lies far closer than half a cent to those cents). Any
  // other number was not written so: a third decimal, or the binary noise
  // of a sum computed upstream (0.1 + 0.2 = 0.30000000000000004), which
  // the sender must round, since only it knows what it meant.
  const double whole = std::round(euros * 100.0);
  if (whole / 100.0 != euros) return std::nullopt;
  return static_cast<std::int64_t>(whole);
}

}  // namespace kuvert

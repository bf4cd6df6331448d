#include "pipeline/model/money_amount.hpp"

#include <cmath>

namespace kuvert {

std::optional<std::int64_t> cents_of(double euros) {
  if (!std::isfinite(euros) || std::fabs(euros) > 1e13) return std::nullopt;
  double cents = euros * 100.0;
  double whole = std::round(cents);
  // Tolerance. A JSON number is the double nearest its text, off by at most
  // half an ulp; times 100 adds another half. Sums made upstream add a few
  // ulps more (0.1 + 0.2 == 0.30000000000000004), and cancellation in them
  // (1e6 + 0.01 - 1e6) leaves an absolute error far below a cent. So we take
  // the nearest whole cent when `cents` lies within 4 ulps (relative 2^-50)
  // plus a millionth of a cent of it. A real third decimal is at least a
  // tenth of a cent off, which that tolerance sees below about 10^12 euros;
  // near the 10^13 limit a double itself resolves only about 0.2 cent.
  double tolerance = std::fabs(cents) * 0x1p-50 + 1e-6;
  if (std::fabs(cents - whole) > tolerance) return std::nullopt;
  return static_cast<std::int64_t>(whole);
}

}  // namespace kuvert

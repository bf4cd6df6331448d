#pragma once
// A number as messages show it: "1043.2", "1000", "0.95", at most two
// decimals and no trailing zeros.
#include <string>

namespace kuvert {

std::string short_number(double value);

}  // namespace kuvert

#include "pipeline/model/short_number.hpp"

#include <cstdio>

namespace kuvert {

std::string short_number(double value) {
  char text[64];
  std::snprintf(text, sizeof text, "%.2f", value);
  std::string shown = text;
  while (shown.back() == '0') shown.pop_back();
  if (shown.back() == '.') shown.pop_back();
  return shown == "-0" ? "0" : shown;
}

}  // namespace kuvert

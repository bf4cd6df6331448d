#pragma once
#include <string>

namespace kuvert {

// A paper stock (layouts/papers.toml).
struct PaperProfile {
  std::string name;           // "a4-80"
  double sheet_weight_g = 0;  // one A4 sheet
  double sheet_thickness_mm = 0;
};

}  // namespace kuvert

#include "pipeline/model/font_catalog.hpp"

#include <algorithm>

namespace kuvert {

std::vector<std::string> FontCatalog::chain(const std::string& name) const {
  std::vector<std::string> order{name};
  // Breadth first: a font's own fallbacks before those of its fallbacks.
  for (std::size_t i = 0; i < order.size(); ++i) {
    const auto font = fonts.find(order[i]);
    if (font == fonts.end()) continue;
    for (const auto& next : font->second.fallback)
      if (std::find(order.begin(), order.end(), next) == order.end()) order.push_back(next);
  }
  return order;
}

}  // namespace kuvert

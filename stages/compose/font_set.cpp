#include "stages/compose/font_set.hpp"

#include <algorithm>
#include <stdexcept>

#include "pipeline/model/error.hpp"

namespace kuvert::compose {

FontSet::FontSet(const FontCatalog& catalog, const std::vector<std::string>& names) {
  std::vector<std::string> opened;
  const auto open = [&](const std::string& name) -> FontIndex {
    const auto known = std::find(opened.begin(), opened.end(), name);
    if (known != opened.end()) return static_cast<FontIndex>(known - opened.begin());
    const auto spec = catalog.fonts.find(name);
    if (spec == catalog.fonts.end()) {
      Where where;
      where.field = name;
      throw_input(where, "is no font of fonts/fonts.toml");
    }
    faces_.push_back(std::make_unique<FontFace>(name, spec->second.file));
    opened.push_back(name);
    return static_cast<FontIndex>(opened.size() - 1);
  };
  for (const auto& name : names) open(name);
  // Fallbacks are opened as their chains are resolved; a fallback's own
  // chain is resolved when the loop reaches it.
  for (std::size_t font = 0; font < opened.size(); ++font) {
    std::vector<FontIndex> chain;
    for (const auto& name : catalog.chain(opened[font])) chain.push_back(open(name));
    chains_.push_back(std::move(chain));
  }
}

FontIndex FontSet::index(const std::string& name) const {
  for (std::size_t font = 0; font < faces_.size(); ++font)
    if (faces_[font]->name() == name) return static_cast<FontIndex>(font);
  throw std::out_of_range("font " + name + " is not open");
}

}  // namespace kuvert::compose

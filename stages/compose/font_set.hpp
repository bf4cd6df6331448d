#pragma once
// The fonts one layout uses, opened once and shared by the threads that
// compose its letters, each with its fallback chain resolved.
#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/model/font_catalog.hpp"
#include "stages/compose/font_face.hpp"

namespace kuvert::compose {

using FontIndex = std::uint16_t;

class FontSet {
 public:
  // Opens `names` and their fallbacks from `catalog`. Throws kuvert::Error
  // (input) for a name the catalogue lacks (Where::field = the name) or a
  // file that is no usable font.
  FontSet(const FontCatalog& catalog, const std::vector<std::string>& names);

  // The index of a font opened by name. Throws std::out_of_range for
  // others (names come from a checked layout).
  FontIndex index(const std::string& name) const;
  const FontFace& face(FontIndex font) const { return *faces_.at(font); }
  std::size_t size() const { return faces_.size(); }
  // `font` and then its fallbacks, in the order they are tried.
  const std::vector<FontIndex>& chain(FontIndex font) const { return chains_.at(font); }

 private:
  std::vector<std::unique_ptr<FontFace>> faces_;
  std::vector<std::vector<FontIndex>> chains_;
};

}  // namespace kuvert::compose

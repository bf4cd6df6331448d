#pragma once
#include <array>
#include <cstddef>

#include <podofo/base/PdfVariant.h>

namespace kuvert::pdf {

// The attributes a page inherits from its ancestors, in the order of
// kInheritedKeys; a null variant where no ancestor sets one.
inline constexpr std::array<const char*, 4> kInheritedKeys{"Resources", "MediaBox", "CropBox",
                                                           "Rotate"};
using InheritedAttributes = std::array<PoDoFo::PdfVariant, kInheritedKeys.size()>;
enum InheritedKey : std::size_t { kResources, kMediaBox, kCropBox, kRotate };

}  // namespace kuvert::pdf

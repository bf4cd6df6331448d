#pragma once
// Leptonica images owned the C++ way.
#include <leptonica/allheaders.h>

#include <memory>

namespace kuvert::scan {

struct PixRelease {
  void operator()(Pix* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<Pix, PixRelease>;

}  // namespace kuvert::scan

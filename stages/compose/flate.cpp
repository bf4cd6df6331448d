#include "stages/compose/flate.hpp"

#include <zlib.h>

#include <stdexcept>

namespace kuvert::compose {

std::string deflate(std::string_view data) {
  uLongf size = compressBound(static_cast<uLong>(data.size()));
  std::string out(size, '\0');
  // Level 6 (zlib's default): page text compresses several times over, and
  // faster levels gain little on streams this small.
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(data.data()),
                static_cast<uLong>(data.size()), 6) != Z_OK)
    throw std::runtime_error("zlib could not compress a stream");
  out.resize(size);
  return out;
}

}  // namespace kuvert::compose

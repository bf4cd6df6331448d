#include "stages/compose/flate.hpp"

#include <zlib.h>

#include <stdexcept>

namespace kuvert::compose {

std::string deflate(std::string_view data) {
  uLongf size = compressBound(static_cast<uLong>(data.size()));
  std::string out(size, '\0');
  // Level 1: composing spends a fifth of its time compressing at zlib's
  // default level 6, for streams only a tenth smaller.
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(data.data()),
                static_cast<uLong>(data.size()), 1) != Z_OK)
    throw std::runtime_error("zlib could not compress a stream");
  out.resize(size);
  return out;
}

}  // namespace kuvert::compose

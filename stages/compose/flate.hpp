#pragma once
#include <string>
#include <string_view>

namespace kuvert::compose {

// `data` compressed for a PDF /FlateDecode stream (zlib format).
std::string deflate(std::string_view data);

}  // namespace kuvert::compose

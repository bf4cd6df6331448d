#pragma once
// The console's pages (pipeline/console/web/), built into the binary by
// tools/embed_web.cmake.
#include <cstddef>
#include <span>
#include <string_view>

namespace kuvert::console {

struct WebAsset {
  std::string_view path;  // "/console.js"
  const char* data;
  std::size_t size;
};

std::span<const WebAsset> web_assets();

}  // namespace kuvert::console

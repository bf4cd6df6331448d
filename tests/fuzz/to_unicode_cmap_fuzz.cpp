// A font's /ToUnicode CMap, any bytes (pipeline/pdf/to_unicode_cmap): its
// bfchar and bfrange entries read through the flat lexer, within the
// limits on codes and text.
#include <cstdint>
#include <string_view>

#include "pipeline/pdf/to_unicode_cmap.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto codes = kuvert::pdf::read_to_unicode_cmap(std::string_view(reinterpret_cast<const char*>(data), size));
  if (codes.size() > kuvert::pdf::kMaxCmapCodes) __builtin_trap();
  for (const auto& [code, text] : codes)
    if (text.size() > kuvert::pdf::kMaxCmapText + 4) __builtin_trap();
  return 0;
}

#pragma once
// A text's words: what stands between spaces, runs of spaces counting as
// one. The views point into the text, which must outlive them.
#include <string_view>
#include <vector>

namespace kuvert::compose {

std::vector<std::string_view> words_of(std::string_view text);

}  // namespace kuvert::compose

#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace kuvert {

// A 1-based inclusive page range as written in a manifest: "3" or "3-4".
struct PageRange {
  std::uint32_t first = 0;
  std::uint32_t last = 0;
  std::uint32_t count() const { return last - first + 1; }
};

// Empty when the text is not a range of positive page numbers with first <= last.
std::optional<PageRange> parse_page_range(const std::string& text);

std::string to_string(const PageRange& range);

}  // namespace kuvert

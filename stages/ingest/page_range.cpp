#include "stages/ingest/page_range.hpp"

#include <charconv>

namespace kuvert {
namespace {

std::optional<std::uint32_t> parse_page_number(std::string_view text) {
  std::uint32_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value == 0) return std::nullopt;
  return value;
}

}  // namespace

std::optional<PageRange> parse_page_range(const std::string& text) {
  const auto dash = text.find('-');
  const std::string_view all(text);
  auto first = parse_page_number(all.substr(0, dash));
  auto last = dash == std::string::npos ? first : parse_page_number(all.substr(dash + 1));
  if (!first || !last || *last < *first) return std::nullopt;
  return PageRange{*first, *last};
}

std::string to_string(const PageRange& range) {
  if (range.first == range.last) return std::to_string(range.first);
  return std::to_string(range.first) + "-" + std::to_string(range.last);
}

}  // namespace kuvert

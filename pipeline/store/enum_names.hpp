#pragma once
// Enums stored and sent as text: a table of (value, name) pairs per enum,
// looked up both ways.
#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace kuvert::store {

template <class E, std::size_t N>
using EnumNames = std::array<std::pair<E, std::string_view>, N>;

template <class E, std::size_t N>
std::string_view name_in(const EnumNames<E, N>& names, E value) {
  for (const auto& [item, text] : names)
    if (item == value) return text;
  return "?";
}

template <class E, std::size_t N>
std::optional<E> parse_in(const EnumNames<E, N>& names, std::string_view text) {
  for (const auto& [item, name] : names)
    if (name == text) return item;
  return std::nullopt;
}

}  // namespace kuvert::store

#pragma once
// std::optional as JSON: null when empty. (nlohmann_json 3.11 of Debian 12
// has no serializer of its own for it.) For the model's result files only.
#include <nlohmann/json.hpp>
#include <optional>

namespace nlohmann {

template <typename T>
struct adl_serializer<std::optional<T>> {
  static void to_json(json& json, const std::optional<T>& value) {
    if (value)
      json = *value;
    else
      json = nullptr;
  }
  static void from_json(const json& json, std::optional<T>& value) {
    if (json.is_null())
      value.reset();
    else
      value = json.get<T>();
  }
};

}  // namespace nlohmann

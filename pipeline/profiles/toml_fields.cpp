#include "pipeline/profiles/toml_fields.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "pipeline/model/a4_sheet.hpp"

namespace kuvert {
namespace {

const char* type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return "string";
    case toml::node_type::integer:
      return "integer";
    case toml::node_type::floating_point:
      return "floating-point number";
    case toml::node_type::boolean:
      return "boolean";
    case toml::node_type::date:
      return "date";
    case toml::node_type::time:
      return "time";
    case toml::node_type::date_time:
      return "date-time";
    case toml::node_type::array:
      return "array";
    case toml::node_type::table:
      return "table";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

}  // namespace

std::string format_number(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::optional<std::regex> compile_pattern(TomlFields& fields, const std::string& key, const std::string& pattern,
                                          const std::string& what) {
  try {
    return std::regex(pattern, std::regex::ECMAScript);
  } catch (const std::regex_error& error) {
    fields.problem(key, what + "is no regular expression: " + error.what());
    return std::nullopt;
  }
}

std::optional<RectMm> read_rect(TomlFields& parent, const std::string& key) {
  const toml::table* table = parent.table(key);
  if (!table) return std::nullopt;
  TomlFields fields(*table, parent.at(key), parent.problems());
  const auto x = fields.number("x", 0, kA4WidthMm), y = fields.number("y", 0, kA4HeightMm);
  const auto width = fields.positive("width"), height = fields.positive("height");
  fields.reject_unknown();
  if (!x || !y || !width || !height) return std::nullopt;
  return RectMm{*x, *y, *width, *height};
}

Where element(const Where& array, std::size_t index) {
  Where where = array;
  where.field += '[';
  where.field += std::to_string(index);
  where.field += ']';
  return where;
}

TomlFields::TomlFields(const toml::table& table, Where where, std::vector<Diagnostic>& problems)
    : FieldReader(std::move(where), problems), table_(table) {}

bool TomlFields::has(const std::string& key) const { return table_.contains(key); }

bool TomlFields::has_table(const std::string& key) const {
  const toml::node* node = table_.get(key);
  return node != nullptr && node->is_table();
}

const toml::node* TomlFields::member(const std::string& key, bool required) {
  const toml::node* node = table_.get(key);
  asked(key, node != nullptr, required);
  return node;
}

void TomlFields::mistyped(const std::string& key, const toml::node& node, const char* expected) {
  FieldReader::mistyped(key, expected, type_name(node));
}

std::optional<std::string> TomlFields::string_of(const std::string& key) {
  const auto* node = member(key, true);
  if (!node) return std::nullopt;
  if (const auto* value = node->as_string()) return value->get();
  mistyped(key, *node, "a string");
  return std::nullopt;
}

std::optional<std::string> TomlFields::text(const std::string& key) {
  auto value = string_of(key);
  if (value && value->empty()) {
    problem(key, "is empty");
    return std::nullopt;
  }
  return value;
}

std::optional<bool> TomlFields::flag(const std::string& key) {
  const auto* node = member(key, true);
  if (!node) return std::nullopt;
  if (const auto* value = node->as_boolean()) return value->get();
  mistyped(key, *node, "true or false");
  return std::nullopt;
}

std::optional<std::vector<std::string>> TomlFields::texts(const std::string& key, bool required) {
  const auto* node = member(key, required);
  if (!node) return std::nullopt;
  const auto* array = node->as_array();
  std::vector<std::string> result;
  if (array != nullptr)
    for (const auto& item : *array) {
      const auto* text = item.as_string();
      if (text == nullptr || text->get().empty()) {
        array = nullptr;
        break;
      }
      result.push_back(text->get());
    }
  if (array == nullptr) {
    mistyped(key, *node, "an array of non-empty strings");
    return std::nullopt;
  }
  return result;
}

std::optional<double> TomlFields::numeric(const std::string& key) {
  const auto* node = member(key, true);
  if (!node) return std::nullopt;
  if (const auto* integer = node->as_integer()) return static_cast<double>(integer->get());
  if (const auto* floating = node->as_floating_point()) return floating->get();
  mistyped(key, *node, "a number");
  return std::nullopt;
}

std::optional<double> TomlFields::number(const std::string& key, double min, double max) {
  const auto value = numeric(key);
  if (!value) return std::nullopt;
  if (!(*value >= min && *value <= max)) {
    const std::string got = ", got " + format_number(*value);
    if (std::isinf(max))
      problem(key, "must be at least " + format_number(min) + got);
    else
      problem(key, "must be between " + format_number(min) + " and " + format_number(max) + got);
    return std::nullopt;
  }
  return value;
}

std::optional<double> TomlFields::positive(const std::string& key) {
  const auto value = numeric(key);
  if (!value) return std::nullopt;
  if (!(*value > 0)) {
    problem(key, "must be greater than 0, got " + format_number(*value));
    return std::nullopt;
  }
  return value;
}

std::optional<std::int64_t> TomlFields::integer(const std::string& key, std::int64_t min, std::int64_t max) {
  const auto* node = member(key, true);
  if (!node) return std::nullopt;
  const auto* value = node->as_integer();
  if (!value) {
    mistyped(key, *node, "an integer");
    return std::nullopt;
  }
  const std::int64_t v = value->get();
  if (v < min || v > max) {
    const std::string got = ", got " + std::to_string(v);
    if (max == std::numeric_limits<std::int64_t>::max())
      problem(key, "must be at least " + std::to_string(min) + got);
    else
      problem(key, "must be between " + std::to_string(min) + " and " + std::to_string(max) + got);
    return std::nullopt;
  }
  return v;
}

std::optional<std::string> TomlFields::date(const std::string& key) {
  const auto* node = member(key, true);
  if (!node) return std::nullopt;
  const auto* value = node->as_date();
  if (!value) {
    mistyped(key, *node, "a date such as 2025-01-01 (without quotes)");
    return std::nullopt;
  }
  const toml::date& d = value->get();
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04u-%02u-%02u", static_cast<unsigned>(d.year), static_cast<unsigned>(d.month),
                static_cast<unsigned>(d.day));
  return std::string(buffer);
}

const toml::table* TomlFields::table(const std::string& key) {
  const auto* node = member(key, true);
  if (!node) return nullptr;
  const auto* value = node->as_table();
  if (!value) mistyped(key, *node, "a table");
  return value;
}

std::vector<const toml::table*> TomlFields::tables(const std::string& key, bool required) {
  std::vector<const toml::table*> result;
  const auto* node = member(key, required);
  if (!node) return result;
  const auto* array = node->as_array();
  if (!array || !(array->empty() || array->is_homogeneous(toml::node_type::table))) {
    mistyped(key, *node, "an array of tables");
    return result;
  }
  for (const auto& item : *array) result.push_back(item.as_table());
  return result;
}

void TomlFields::reject_unknown() {
  std::vector<std::string> present;
  for (const auto& [key, value] : table_) present.emplace_back(key.str());
  FieldReader::reject_unknown(present);
}

}  // namespace kuvert

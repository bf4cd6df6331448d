#include "stages/compose/record_text.hpp"

#include <cmath>

#include "pipeline/model/money_amount.hpp"
#include "stages/compose/german_format.hpp"

namespace kuvert::compose {
namespace {

// As few decimals as the number needs, at most six ("3,5", "480").
std::string shortest_decimal(double value) {
  for (int decimals = 0; decimals < 6; ++decimals) {
    const double scale = std::pow(10.0, decimals);
    if (std::abs(std::round(value * scale) - value * scale) < 1e-6) return decimal(value, decimals).value_or("");
  }
  return decimal(value, 6).value_or("");
}

}  // namespace

std::optional<std::string> field_text(const FieldSpec& field, const nlohmann::json& record,
                                      std::optional<int> decimals) {
  const auto member = record.find(field.name);
  if (member == record.end() || member->is_null()) return std::nullopt;
  const nlohmann::json& value = *member;
  // The record was checked against its schema: each value has its type.
  switch (field.type) {
    case FieldType::text:
      return value.get<std::string>();
    case FieldType::integer:
      return std::to_string(value.get<std::int64_t>());
    case FieldType::number:
      return decimals ? decimal(value.get<double>(), *decimals).value_or("") : shortest_decimal(value.get<double>());
    case FieldType::money:
      return money(cents_of(value.get<double>()).value_or(0));
    case FieldType::date:
      return date_text(value.get<std::string>()).value_or("");
    case FieldType::period:
      return period_text(value.get<std::string>()).value_or("");
    case FieldType::recipient:
    case FieldType::list:
      break;  // layouts cannot name these in a text (checked when loaded)
  }
  return std::nullopt;
}

std::optional<std::string> fill(const TextTemplate& text, const RecordSchema& schema, const nlohmann::json& record) {
  std::string out;
  for (const auto& part : text.parts) {
    if (part.field.empty()) {
      out += part.literal;
      continue;
    }
    const FieldSpec* field = schema.find(part.field);
    if (field == nullptr) return std::nullopt;
    const auto value = field_text(*field, record, part.decimals);
    if (!value) return std::nullopt;
    out += *value;
  }
  return out;
}

}  // namespace kuvert::compose

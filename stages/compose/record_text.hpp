#pragma once
// A record's fields as a letter prints them, and the layout's templates
// filled with them.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "pipeline/model/record_schema.hpp"
#include "pipeline/model/text_template.hpp"

namespace kuvert::compose {

// A checked record's value in print: text as it is, integers plain ("2026"),
// numbers with `decimals` places (or as few as they need), money
// "1.234,56 €", dates "22.11.2026", periods "November 2026". nullopt for an
// absent (optional) field.
std::optional<std::string> field_text(const FieldSpec& field, const nlohmann::json& record,
                                      std::optional<int> decimals = std::nullopt);

// The template filled from `record` (whose fields `schema` describes);
// nullopt when it names an optional field the record lacks, so that the
// line or paragraph is left out.
std::optional<std::string> fill(const TextTemplate& text, const RecordSchema& schema, const nlohmann::json& record);

}  // namespace kuvert::compose

#pragma once
// The fields a layout expects of each record of a data job (JSON Lines or
// CSV), as its layout file lists them.
#include <string>
#include <vector>

namespace kuvert {

enum class FieldType {
  text,       // a string, not empty
  integer,    // a JSON number without fraction
  number,     // any JSON number
  money,      // a JSON number, euros with at most two decimals (1234.56)
  date,       // "2026-11-22"
  period,     // "2026-11", a month
  recipient,  // an address as in the job manifest (DESIGN.md)
  list,       // an array of objects with the fields `items`
};

struct FieldSpec {
  std::string name;
  FieldType type = FieldType::text;
  bool optional = false;
  std::vector<FieldSpec> items;  // for a list: the fields of each element
};

struct RecordSchema {
  std::vector<FieldSpec> fields;  // in the layout's order; must include "id" (text) and "recipient"

  const FieldSpec* find(const std::string& name) const {
    for (const auto& field : fields)
      if (field.name == name) return &field;
    return nullptr;
  }
};

}  // namespace kuvert

#pragma once
// Reads the fields of one JSON object, recording every problem (missing,
// mistyped, unknown) as a Diagnostic instead of stopping at the first
// (pipeline/model/field_reader.hpp, as for TOML).
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/model/field_reader.hpp"
#include "pipeline/model/recipient.hpp"

namespace kuvert {

class JsonFields : public FieldReader {
 public:
  // `where.field` is the path of the object itself ("" for the top level).
  JsonFields(const nlohmann::json& object, Where where, std::vector<Diagnostic>& problems);

  bool has(const std::string& key) const;
  std::optional<std::string> text(const std::string& key, bool required);
  std::optional<bool> flag(const std::string& key);
  std::optional<std::vector<std::string>> texts(const std::string& key, bool required);
  // The raw member for nested reading; records "expected an object" if mistyped.
  const nlohmann::json* object(const std::string& key, bool required);
  const nlohmann::json* array(const std::string& key, bool required);

  // Records every member that no reader asked for; call once at the end.
  void reject_unknown();

 private:
  const nlohmann::json* member(const std::string& key, bool required);
  void mistyped(const std::string& key, const char* expected);

  const nlohmann::json& object_;
  bool is_object_;
};

// A recipient object as DESIGN.md's manifest gives it (name lines, street,
// postcode, city, country), field by field, then checked as a postal
// address (postal_address.hpp) on the fields that were readable; unknown
// fields are problems. Absent optional fields keep Recipient's defaults
// ("DE"). `where.field` names the recipient itself.
Recipient read_recipient(const nlohmann::json& value, const Where& where, std::vector<Diagnostic>& problems);

}  // namespace kuvert

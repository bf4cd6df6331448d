#include "stages/ingest/json_fields.hpp"

#include <set>

#include "pipeline/model/plain_text.hpp"
#include "stages/ingest/postal_address.hpp"

namespace kuvert {

JsonFields::JsonFields(const nlohmann::json& object, Where where, std::vector<Diagnostic>& problems)
    : FieldReader(where, problems), object_(object), is_object_(object.is_object()) {
  if (!is_object_)
    problems.push_back({std::move(where), std::string("expected a JSON object, got ") + object.type_name()});
}

bool JsonFields::has(const std::string& key) const { return is_object_ && object_.contains(key); }

const nlohmann::json* JsonFields::member(const std::string& key, bool required) {
  if (!is_object_) {
    handled(key);
    return nullptr;
  }
  const auto it = object_.find(key);
  asked(key, it != object_.end(), required);
  return it == object_.end() ? nullptr : &*it;
}

void JsonFields::mistyped(const std::string& key, const char* expected) {
  FieldReader::mistyped(key, expected, object_.at(key).type_name());
}

std::optional<std::string> JsonFields::text(const std::string& key, bool required) {
  const auto* value = member(key, required);
  if (!value) return std::nullopt;
  if (!value->is_string()) {
    mistyped(key, "a string");
    return std::nullopt;
  }
  auto result = value->get<std::string>();
  if (const auto bad = plain_text_problem(result)) {
    problem(key, *bad);
    return std::nullopt;
  }
  if (required && is_blank(result)) {
    problem(key, result.empty() ? "is empty" : "is blank");
    return std::nullopt;
  }
  return result;
}

std::optional<bool> JsonFields::flag(const std::string& key) {
  const auto* value = member(key, false);
  if (!value) return std::nullopt;
  if (!value->is_boolean()) {
    mistyped(key, "true or false");
    return std::nullopt;
  }
  return value->get<bool>();
}

std::optional<std::vector<std::string>> JsonFields::texts(const std::string& key, bool required) {
  const auto* value = member(key, required);
  if (!value) return std::nullopt;
  bool all_strings = value->is_array();
  if (all_strings)
    for (const auto& item : *value) all_strings = all_strings && item.is_string();
  if (!all_strings) {
    mistyped(key, "an array of strings");
    return std::nullopt;
  }
  bool plain = true;
  for (std::size_t i = 0; i < value->size(); ++i) {
    if (const auto bad = plain_text_problem((*value)[i].get_ref<const std::string&>())) {
      problem(key + "[" + std::to_string(i) + "]", *bad);
      plain = false;
    }
  }
  if (!plain) return std::nullopt;
  return value->get<std::vector<std::string>>();
}

const nlohmann::json* JsonFields::object(const std::string& key, bool required) {
  const auto* value = member(key, required);
  if (value && !value->is_object()) {
    mistyped(key, "an object");
    return nullptr;
  }
  return value;
}

const nlohmann::json* JsonFields::array(const std::string& key, bool required) {
  const auto* value = member(key, required);
  if (value && !value->is_array()) {
    mistyped(key, "an array");
    return nullptr;
  }
  return value;
}

void JsonFields::reject_unknown() {
  if (!is_object_) return;
  std::vector<std::string> present;
  for (const auto& [key, value] : object_.items()) present.push_back(key);
  FieldReader::reject_unknown(present);
}

Recipient read_recipient(const nlohmann::json& value, const Where& where, std::vector<Diagnostic>& problems) {
  const auto before = problems.size();
  JsonFields fields(value, where, problems);
  Recipient recipient;
  if (auto name = fields.texts("name", true)) recipient.name = *name;
  if (auto street = fields.text("street", true)) recipient.street = *street;
  if (auto postcode = fields.text("postcode", false)) recipient.postcode = *postcode;
  if (auto city = fields.text("city", true)) recipient.city = *city;
  if (auto country = fields.text("country", false)) recipient.country = *country;
  fields.reject_unknown();
  if (!value.is_object()) return recipient;
  // The postal checks, except on fields already found wrong (a refused
  // name line is not "missing" as well).
  std::set<std::string> wrong;
  for (auto i = before; i < problems.size(); ++i) {
    const std::string& field = problems[i].where.field;
    wrong.insert(field.substr(0, field.find('[')));
  }
  for (const auto& [field, message] : recipient_problems(recipient)) {
    // recipient_problems names its fields "recipient..."; this one may be called otherwise.
    Where at = where;
    at.field += field.substr(std::string_view("recipient").size());
    if (!wrong.count(at.field.substr(0, at.field.find('[')))) problems.push_back({at, message});
  }
  return recipient;
}

}  // namespace kuvert

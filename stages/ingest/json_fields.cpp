#include "stages/ingest/json_fields.hpp"

#include <algorithm>

#include "pipeline/model/likely_meant.hpp"
#include "stages/ingest/plain_text.hpp"
#include "stages/ingest/postal_address.hpp"

namespace kuvert {

JsonFields::JsonFields(const nlohmann::json& object, Where where, std::vector<Diagnostic>& problems)
    : object_(object), where_(std::move(where)), problems_(problems), is_object_(object.is_object()) {
  if (!is_object_) problems_.push_back({where_, std::string("expected a JSON object, got ") + object.type_name()});
}

Where JsonFields::at(const std::string& key) const {
  Where where = where_;
  where.field = where_.field.empty() ? key : where_.field + "." + key;
  return where;
}

void JsonFields::problem(const std::string& key, std::string message) { problems_.push_back({at(key), std::move(message)}); }

bool JsonFields::has(const std::string& key) const { return is_object_ && object_.contains(key); }

const nlohmann::json* JsonFields::member(const std::string& key, bool required) {
  known_.insert(key);
  if (!is_object_) return nullptr;
  auto it = object_.find(key);
  if (it == object_.end()) {
    if (required) {
      missing_[key] = problems_.size();
      problem(key, "is missing");
    }
    return nullptr;
  }
  return &*it;
}

void JsonFields::mistyped(const std::string& key, const char* expected) {
  problem(key, std::string("expected ") + expected + ", got " + object_.at(key).type_name());
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
  const std::vector<std::string> known(known_.begin(), known_.end());
  std::vector<std::size_t> explained;  // "is missing" problems that a typo explains
  for (const auto& [key, value] : object_.items()) {
    if (known_.count(key)) continue;
    const auto meant = likely_meant(key, known);
    if (!meant || object_.contains(*meant)) {
      problem(key, "is not a known field");
      continue;
    }
    // One mistake, one message: the typo, not also the field it misses.
    problem(key, "is not a known field (did you mean \"" + *meant + "\"?)");
    if (const auto missing = missing_.find(*meant); missing != missing_.end()) explained.push_back(missing->second);
  }
  std::sort(explained.rbegin(), explained.rend());
  for (const auto index : explained) problems_.erase(problems_.begin() + static_cast<std::ptrdiff_t>(index));
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

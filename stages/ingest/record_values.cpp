// Every problem of a record is reported, not only the first, so that a
// specialist application can correct a delivery in one round trip; a value
// found wrong is not checked further (an address of the wrong type is not
// also missing its street).
#include "stages/ingest/record_values.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>

#include "pipeline/model/iso_date.hpp"
#include "pipeline/model/money_amount.hpp"
#include "pipeline/model/plain_text.hpp"
#include "stages/ingest/json_fields.hpp"

namespace kuvert {
namespace {

using nlohmann::json;

// ---- Messages ----------------------------------------------------------------

// A value as a message quotes it: short, since a long text tells no more.
std::string shown(const json& value) {
  if (value.is_object()) return "an object";
  if (value.is_array()) return "an array";
  std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (text.size() <= 40) return text;
  std::size_t cut = 36;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  text.resize(cut);
  return text += "...";
}

const char* expected(FieldType type) {
  switch (type) {
    case FieldType::text:
      return "a text";
    case FieldType::integer:
      return "a whole number";
    case FieldType::number:
      return "a number";
    case FieldType::money:
      return "a money amount (a number with at most two decimals)";
    case FieldType::date:
      return "a date (\"YYYY-MM-DD\")";
    case FieldType::period:
      return "a month (\"YYYY-MM\")";
    case FieldType::recipient:
      return "an address (an object)";
    case FieldType::list:
      return "a list (an array of objects)";
  }
  return "a value";
}

// ---- Types -------------------------------------------------------------------

bool is_period(std::string_view text) { return parse_iso_month(text).has_value(); }

// A whole float of an integer field becomes an integer (12.0 is 12, as some
// JSON writers put it); a fraction is a problem.
bool to_integer(json& value) {
  if (value.is_number_integer()) return true;
  if (!value.is_number_float()) return false;
  const double number = value.get<double>();
  if (std::trunc(number) != number || std::fabs(number) >= 9.2e18) return false;
  value = static_cast<std::int64_t>(number);
  return true;
}

// Exact cents by the same rule composing prints them with.
bool whole_cents(const json& value) { return cents_of(value.get<double>()).has_value(); }

bool fits(FieldType type, json& value) {
  const auto text = [&] { return value.is_string() ? std::string_view(value.get_ref<const std::string&>()) : ""; };
  switch (type) {
    case FieldType::text:
      return value.is_string();
    case FieldType::integer:
      return to_integer(value);
    case FieldType::number:
      return value.is_number();
    case FieldType::money:
      return value.is_number() && whole_cents(value);
    case FieldType::date:
      return is_iso_date(text());
    case FieldType::period:
      return is_period(text());
    case FieldType::recipient:
      return value.is_object();
    case FieldType::list:
      return value.is_array();
  }
  return false;
}

// ---- Lists and addresses -------------------------------------------------------

void check_list(const FieldSpec& spec, json& list, const Where& where, std::vector<Diagnostic>& problems) {
  if (list.size() > kMaxListItems) {
    add(problems, where,
        "has " + std::to_string(list.size()) + " items; at most " + std::to_string(kMaxListItems) + " are allowed");
    return;
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    Where at = where;
    at.field += '[' + std::to_string(i) + ']';
    if (list[i].is_object()) {
      check_fields(spec.items, list[i], at, problems);
    } else {
      std::string message = "expected an object, got ";
      add(problems, at, message += shown(list[i]));
    }
  }
}

// The address fields as in the job manifest, with its postal checks.
void check_recipient(json& value, const Where& where, std::vector<Diagnostic>& problems) {
  read_recipient(value, where, problems);
  if (!value.contains("country")) value["country"] = "DE";
}

}  // namespace

void add(std::vector<Diagnostic>& problems, Where where, std::string message) {
  problems.push_back({std::move(where), std::move(message)});
}

Where field_at(const Where& where, const std::string& name) {
  Where at = where;
  if (!at.field.empty()) at.field += '.';
  at.field += name;
  return at;
}

// Naming the first byte that is not UTF-8 finds a Latin-1 "\xE4" at once.
std::string not_utf8(std::string_view text, std::size_t at, const char* unit) {
  static constexpr char hex[] = "0123456789ABCDEF";
  const auto byte = static_cast<unsigned char>(text[at]);
  std::string message = "is not UTF-8 text (byte 0x";
  message += hex[byte >> 4];
  message += hex[byte & 0xF];
  message += " at ";
  message += unit;
  message += ' ';
  message += std::to_string(at + 1);
  message += "); deliver the file in UTF-8";
  return message;
}

void check_fields(const std::vector<FieldSpec>& specs, json& object, const Where& where,
                  std::vector<Diagnostic>& problems) {
  for (const auto& spec : specs) {
    auto member = object.find(spec.name);
    if (member != object.end() && member->is_null() && spec.optional) {
      object.erase(member);
      member = object.end();
    }
    if (member != object.end())
      check_value(spec, *member, field_at(where, spec.name), problems);
    else if (!spec.optional)
      add(problems, field_at(where, spec.name), "is missing");
  }
  for (const auto& item : object.items()) {
    const std::string& key = item.key();
    const bool known = std::any_of(specs.begin(), specs.end(), [&](const FieldSpec& spec) { return spec.name == key; });
    if (!known) add(problems, field_at(where, key), "is not a known field");
  }
}

void check_value(const FieldSpec& spec, json& value, const Where& where, std::vector<Diagnostic>& problems) {
  if (!fits(spec.type, value)) {
    std::string message = "expected ";
    ((message += expected(spec.type)) += ", got ") += shown(value);
    add(problems, where, std::move(message));
  } else if (spec.type == FieldType::text) {
    const auto& text = value.get_ref<const std::string&>();
    if (const auto bad = plain_text_problem(text))
      add(problems, where, *bad);
    else if (is_blank(text))
      add(problems, where, text.empty() ? "is empty" : "is blank");
  } else if (spec.type == FieldType::list) {
    check_list(spec, value, where, problems);
  } else if (spec.type == FieldType::recipient) {
    check_recipient(value, where, problems);
  }
}

}  // namespace kuvert

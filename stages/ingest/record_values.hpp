#pragma once
// The checks of a record's values against the fields its layout expects,
// shared by JSON Lines and CSV (a CSV row is first turned into the object a
// JSON Lines line would hold). Problems are appended to `problems` with
// where.field the path of the value ("items[2].amount", "recipient.postcode").
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/model/error.hpp"
#include "pipeline/model/record_schema.hpp"

namespace kuvert {

// Rows of a list field (a notice's table) at most: a real notice has a few
// dozen; a record of a million rows would set thousands of pages.
inline constexpr std::size_t kMaxListItems = 1000;

// Records a problem: the one way problems are added while records are read.
void add(std::vector<Diagnostic>& problems, Where where, std::string message);

// `where` with `name` added to its field path ("items[2]" + "amount").
Where field_at(const Where& where, const std::string& name);

// The message for text that is not UTF-8, naming the byte at `at` (from
// invalid_utf8_at, model/utf8.hpp) and its place: `unit` says what the place counts
// ("column", "position").
std::string not_utf8(std::string_view text, std::size_t at, const char* unit);

// Checks the members of `object` (a record or list element) against `specs`:
// missing, mistyped and unknown fields, and each value as check_value does.
// `where.field` is the path of the object itself ("" for a record). A null
// optional member is taken as absent and removed.
void check_fields(const std::vector<FieldSpec>& specs, nlohmann::json& object, const Where& where,
                  std::vector<Diagnostic>& problems);

// Checks one value against its field, `where.field` being its path, and
// normalises what its type allows: a whole float of an integer field becomes
// an integer; an address without a country gets "DE".
void check_value(const FieldSpec& spec, nlohmann::json& value, const Where& where, std::vector<Diagnostic>& problems);

}  // namespace kuvert

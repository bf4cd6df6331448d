#pragma once
// Reads the keys of one TOML table, recording every problem (missing,
// mistyped, out of range, unknown) as a Diagnostic instead of stopping at
// the first, as stages/ingest/json_fields.hpp does for JSON: both are a
// pipeline/model/field_reader.hpp, so an operator reads one style of
// message whatever the file format.
#include <toml++/toml.h>

#include <cstdint>
#include <initializer_list>
#include <limits>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/model/error.hpp"
#include "pipeline/model/field_reader.hpp"
#include "pipeline/model/inserter_profile.hpp"

namespace kuvert {

// "2.54", "0.5", "60": shortest round-trip form, '.' whatever the locale.
std::string format_number(double value);

class TomlFields : public FieldReader {
 public:
  // `where.field` is the path of the table itself ("" for the top level).
  TomlFields(const toml::table& table, Where where, std::vector<Diagnostic>& problems);

  bool has(const std::string& key) const;
  // For a key that may be a value or a table: whether it is a table.
  bool has_table(const std::string& key) const;
  std::optional<std::string> text(const std::string& key);  // required, not empty
  std::optional<bool> flag(const std::string& key);         // required
  // An array of non-empty strings (which may itself be empty).
  std::optional<std::vector<std::string>> texts(const std::string& key, bool required);
  // A number (integer or floating point) within [min, max].
  std::optional<double> number(const std::string& key, double min = 0,
                               double max = std::numeric_limits<double>::infinity());
  // A number greater than 0.
  std::optional<double> positive(const std::string& key);
  std::optional<std::int64_t> integer(const std::string& key, std::int64_t min,
                                      std::int64_t max = std::numeric_limits<std::int64_t>::max());
  // A TOML date (2025-01-01, not a string), as ISO text.
  std::optional<std::string> date(const std::string& key);
  // A string naming one of `options`: fields.choice<Parity>("parity", {{"even", Parity::even}, ...}).
  template <class E>
  std::optional<E> choice(const std::string& key, std::initializer_list<Named<E>> options) {
    const auto text = string_of(key);
    return text ? FieldReader::choice(key, *text, options) : std::nullopt;
  }
  const toml::table* table(const std::string& key);
  // The elements of an array of tables ([[feeder]] or [ {...}, {...} ]);
  // empty when absent or mistyped (then a problem is recorded).
  std::vector<const toml::table*> tables(const std::string& key, bool required);
  // Records every key that no reader asked for; call once at the end.
  void reject_unknown();

 private:
  const toml::node* member(const std::string& key, bool required);
  std::optional<std::string> string_of(const std::string& key);  // required, maybe empty
  std::optional<double> numeric(const std::string& key);
  void mistyped(const std::string& key, const toml::node& node, const char* expected);

  const toml::table& table_;
};

// Where::file and Where::field without designated initialisers (which GCC 12
// flags under -Wextra).
inline Where in_file(std::string file, std::string field = {}) {
  Where where;
  where.file = std::move(file);
  where.field = std::move(field);
  return where;
}

// Where an element of an array of tables is: "positions[3]", counted from 0
// as the job manifest's "documents[0]" is.
Where element(const Where& array, std::size_t index);

// Reads each table of the array `key` with `read`, then rejects the keys
// `read` did not ask for.
template <typename Read>
void each_table(TomlFields& parent, const std::string& key, bool required, Read read) {
  const auto tables = parent.tables(key, required);
  for (std::size_t i = 0; i < tables.size(); ++i) {
    TomlFields fields(*tables[i], element(parent.at(key), i), parent.problems());
    read(fields);
    fields.reject_unknown();
  }
}

// Reads the table `key` with `read` (if present, or required), then rejects
// the keys `read` did not ask for.
template <typename Read>
void with_table(TomlFields& parent, const std::string& key, bool required, Read read) {
  if (!required && !parent.has(key)) return;
  const toml::table* table = parent.table(key);
  if (!table) return;
  TomlFields fields(*table, parent.at(key), parent.problems());
  read(fields);
  fields.reject_unknown();
}

// The table `key` as a rectangle on an A4 page, { x, y, width, height } in
// mm from its top-left corner; nothing, with the problems recorded, when
// it is missing or wrong.
std::optional<RectMm> read_rect(TomlFields& parent, const std::string& key);

// `pattern`, the value of `key`, as an ECMAScript regular expression; none,
// with a problem ("<what>is no regular expression: ..."), when it is none.
std::optional<std::regex> compile_pattern(TomlFields& fields, const std::string& key, const std::string& pattern,
                                          const std::string& what);

// Reads a file of stocks, one table per stock named by its key
// (papers.toml, envelopes.toml). `read(fields, name)` returns the stock, or
// nothing after recording its problems. `what` names a stock in messages.
template <typename Stock, typename Read>
std::map<std::string, Stock> read_stocks(const toml::table& document, const std::string& file, const char* what,
                                         std::vector<Diagnostic>& problems, Read read) {
  std::map<std::string, Stock> stocks;
  TomlFields file_fields(document, in_file(file), problems);
  for (const auto& [key, node] : document) {
    const std::string name(key.str());
    const toml::table* table = file_fields.table(name);
    if (!table) continue;
    TomlFields fields(*table, file_fields.at(name), problems);
    if (std::optional<Stock> stock = read(fields, name)) stocks.emplace(name, std::move(*stock));
  }
  if (document.empty()) problems.push_back({in_file(file), std::string("defines no ") + what});
  return stocks;
}

}  // namespace kuvert

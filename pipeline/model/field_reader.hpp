#pragma once
// What reading the fields of one JSON object or TOML table has in common,
// whatever the format: where a field is, which keys were asked for, every
// problem recorded as a Diagnostic instead of stopping at the first, and
// the same words for them, so that an operator reads one style whatever
// the file. stages/ingest/json_fields.hpp and pipeline/profiles/toml_fields.hpp
// read the values.
#include <initializer_list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "pipeline/model/error.hpp"

namespace kuvert {

class FieldReader {
 public:
  // Where a member is, for nested readers and messages.
  Where at(const std::string& key) const;
  void problem(const std::string& key, std::string message);
  // Where problems go, for readers of nested objects.
  std::vector<Diagnostic>& problems() { return problems_; }
  // Marks a key as dealt with by the caller, so reject_unknown passes it.
  void handled(const std::string& key) { known_.insert(key); }

  // One of `options` by its name, for a text already read:
  // fields.choice<Parity>("parity", text, {{"even", Parity::even}, ...}).
  template <class E>
  struct Named {
    const char* name;
    E value;
  };
  template <class E>
  std::optional<E> choice(const std::string& key, const std::string& text, std::initializer_list<Named<E>> options) {
    std::vector<std::string> names;
    for (const auto& option : options) names.emplace_back(option.name);
    const auto index = choice_index(key, text, names);
    if (!index) return std::nullopt;
    return (options.begin() + *index)->value;
  }

 protected:
  // `where.field` is the path of the object itself ("" for the top level).
  FieldReader(Where where, std::vector<Diagnostic>& problems) : where_(std::move(where)), problems_(problems) {}

  // Notes that `key` was asked for; when it is required but not there,
  // records "is missing" (which a misspelt key found later replaces).
  void asked(const std::string& key, bool present, bool required);
  // "expected a string, got integer".
  void mistyped(const std::string& key, const std::string& expected, const std::string& got);
  // Records every key of `present` that no reader asked for, with the key
  // it likely meant. Call once, at the end.
  void reject_unknown(const std::vector<std::string>& present);

 private:
  std::optional<std::size_t> choice_index(const std::string& key, const std::string& text,
                                          const std::vector<std::string>& names);

  Where where_;
  std::vector<Diagnostic>& problems_;
  std::set<std::string> known_;
  std::map<std::string, std::size_t> missing_;  // required keys found missing: where their problem is
};

}  // namespace kuvert

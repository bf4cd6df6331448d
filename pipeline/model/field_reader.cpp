#include "pipeline/model/field_reader.hpp"

#include <algorithm>

#include "pipeline/model/likely_meant.hpp"

namespace kuvert {
namespace {

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

}  // namespace

Where FieldReader::at(const std::string& key) const {
  Where where = where_;
  where.field = where_.field.empty() ? key : where_.field + "." + key;
  return where;
}

void FieldReader::problem(const std::string& key, std::string message) {
  problems_.push_back({at(key), std::move(message)});
}

void FieldReader::asked(const std::string& key, bool present, bool required) {
  known_.insert(key);
  if (present || !required) return;
  missing_[key] = problems_.size();
  problem(key, "is missing");
}

void FieldReader::mistyped(const std::string& key, const std::string& expected, const std::string& got) {
  problem(key, "expected " + expected + ", got " + got);
}

void FieldReader::reject_unknown(const std::vector<std::string>& present) {
  const std::vector<std::string> known(known_.begin(), known_.end());
  std::vector<std::size_t> explained;  // "is missing" problems that a typo explains
  for (const auto& key : present) {
    if (known_.count(key)) continue;
    const auto meant = likely_meant(key, known);
    if (!meant || std::find(present.begin(), present.end(), *meant) != present.end()) {
      problem(key, "is not a known field");
      continue;
    }
    // One mistake, one message: the typo, not also the field it misses.
    problem(key, "is not a known field (did you mean " + quoted(*meant) + "?)");
    if (const auto missing = missing_.find(*meant); missing != missing_.end()) explained.push_back(missing->second);
  }
  std::sort(explained.rbegin(), explained.rend());
  for (const auto index : explained) problems_.erase(problems_.begin() + static_cast<std::ptrdiff_t>(index));
}

std::optional<std::size_t> FieldReader::choice_index(const std::string& key, const std::string& text,
                                                     const std::vector<std::string>& names) {
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == text) return i;
  std::string message = quoted(text);
  if (names.size() == 2) {
    message += " is neither " + quoted(names[0]) + " nor " + quoted(names[1]);
  } else {
    message += " is not one of ";
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (i) message += ", ";
      message += quoted(names[i]);
    }
  }
  problem(key, std::move(message));
  return std::nullopt;
}

}  // namespace kuvert

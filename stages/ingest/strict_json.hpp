#pragma once
// JSON from other systems (job manifests, records), read more strictly than
// nlohmann's parser does on its own: a key twice in one object is refused
// (another reader may take the other value), nesting is bounded, and a
// number too large for a double (1e400) is a problem of the input rather
// than an internal error.
#include <cstdint>
#include <istream>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace kuvert {

// Objects and arrays inside one another; kuvert's inputs need five or so.
inline constexpr int kMaxJsonDepth = 32;

// What strict parsing refuses ("is not valid JSON", "has the key \"id\"
// twice in one object", ...), with where it noticed when that is known.
class JsonRefused : public std::runtime_error {
 public:
  JsonRefused(std::string reason, std::optional<std::uint64_t> byte)
      : std::runtime_error(std::move(reason)), byte_(byte) {}
  std::optional<std::uint64_t> byte() const { return byte_; }
  // The reason with its place, "is not valid JSON (at byte 12)"; `unit`
  // is "byte" or "column".
  std::string message(const char* unit) const;

 private:
  std::optional<std::uint64_t> byte_;
};

// Checks the events of one parse: hand it every call of a
// nlohmann::json::parser_callback_t. Throws JsonRefused.
class StrictJsonCheck {
 public:
  void check(int depth, nlohmann::json::parse_event_t event, const nlohmann::json& parsed);

 private:
  std::vector<std::vector<std::string>> keys_;  // of each open object
};

// Parses with `callback` (which decides what to keep, as for
// nlohmann::json::parse) and the strict checks. Throws JsonRefused for
// invalid JSON too, so callers catch one type.
nlohmann::json parse_strict_json(std::istream& in, const nlohmann::json::parser_callback_t& callback = nullptr);
nlohmann::json parse_strict_json(const std::string& text);

}  // namespace kuvert

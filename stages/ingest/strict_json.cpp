// The checks ride on nlohmann's parser callback rather than a SAX handler of
// our own, so that the manifest reader keeps dropping documents from the
// tree as it goes. Keys are kept per open object in a small vector: objects
// in our inputs have a few dozen keys at most, and a linear search beats a
// set there.
#include "stages/ingest/strict_json.hpp"

#include <algorithm>

namespace kuvert {

using nlohmann::json;

std::string JsonRefused::message(const char* unit) const {
  if (!byte_) return what();
  return std::string(what()) + " (at " + unit + " " + std::to_string(*byte_) + ")";
}

void StrictJsonCheck::check(int depth, json::parse_event_t event, const json& parsed) {
  switch (event) {
    case json::parse_event_t::object_start:
    case json::parse_event_t::array_start:
      if (depth >= kMaxJsonDepth) {
        throw JsonRefused("nests objects and arrays deeper than " + std::to_string(kMaxJsonDepth) + " levels",
                          std::nullopt);
      }
      if (event == json::parse_event_t::object_start) keys_.emplace_back();
      break;
    case json::parse_event_t::object_end:
      if (!keys_.empty()) keys_.pop_back();
      break;
    case json::parse_event_t::key: {
      if (keys_.empty()) break;
      auto& keys = keys_.back();
      const auto& key = parsed.get_ref<const std::string&>();
      if (std::find(keys.begin(), keys.end(), key) != keys.end()) {
        throw JsonRefused("has the key \"" + key + "\" twice in one object", std::nullopt);
      }
      keys.push_back(key);
      break;
    }
    default:
      break;
  }
}

namespace {

// `position` tells where the parser is when a check refuses (a stream
// knows, a string does not).
template <class Source, class Position>
json parse_checked(Source&& source, const json::parser_callback_t& callback, Position position) {
  StrictJsonCheck strict;
  try {
    return json::parse(std::forward<Source>(source), [&](int depth, json::parse_event_t event, json& parsed) {
      try {
        strict.check(depth, event, parsed);
      } catch (const JsonRefused& refused) {
        throw JsonRefused(refused.what(), position());
      }
      return callback ? callback(depth, event, parsed) : true;
    });
  } catch (const json::parse_error& error) {
    throw JsonRefused("is not valid JSON", error.byte);
  } catch (const json::out_of_range&) {
    throw JsonRefused("has a number too large to be read (such as 1e400)", position());
  }
}

}  // namespace

json parse_strict_json(std::istream& in, const json::parser_callback_t& callback) {
  return parse_checked(in, callback, [&in]() -> std::optional<std::uint64_t> {
    const auto at = in.rdbuf()->pubseekoff(0, std::ios::cur, std::ios::in);
    if (at < 0) return std::nullopt;
    return static_cast<std::uint64_t>(at);
  });
}

json parse_strict_json(const std::string& text) {
  return parse_checked(text, nullptr, []() -> std::optional<std::uint64_t> { return std::nullopt; });
}

}  // namespace kuvert

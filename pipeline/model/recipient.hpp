#pragma once
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace kuvert {

// DIN 5008: the recipient zone of the address field holds at most 6 lines.
inline constexpr std::size_t kMaxRecipientLines = 6;

// A postal recipient as the specialist application delivers it. `country`
// is an ISO 3166-1 alpha-2 code; "DE" for domestic mail.
struct Recipient {
  std::vector<std::string> name;  // salutation, name, c/o, department ...
  std::string street;
  std::string postcode;
  std::string city;
  std::string country = "DE";

  bool domestic() const { return country == "DE"; }
};

// As a job manifest and records write a recipient.
inline nlohmann::json recipient_json(const Recipient& recipient) {
  return {{"name", recipient.name},
          {"street", recipient.street},
          {"postcode", recipient.postcode},
          {"city", recipient.city},
          {"country", recipient.country}};
}

}  // namespace kuvert

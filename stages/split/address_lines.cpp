#include "stages/split/address_lines.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

namespace kuvert::split {
namespace {

bool has_digit(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

}  // namespace

std::variant<Recipient, std::string> recipient_of(const std::vector<std::string>& lines,
                                                  const AddressConventions& conventions) {
  std::vector<std::string> rest = lines;
  Recipient recipient;
  if (!rest.empty())
    for (const auto& [code, name] : conventions.country_names)
      if (rest.back() == name) {
        recipient.country = code;
        rest.pop_back();
        break;
      }
  if (rest.size() < 3)
    return "the address has " + std::to_string(rest.size()) + " lines (besides a country): a name, a street and a town are needed";
  const std::string town = rest.back();
  rest.pop_back();
  const auto space = town.find(' ');
  const std::string first = town.substr(0, space);
  if (recipient.domestic()) {
    if (space == std::string::npos || first.size() != 5 ||
        !std::all_of(first.begin(), first.end(), [](unsigned char c) { return std::isdigit(c); }))
      return "the town line \"" + town + "\" does not begin with a five-digit postcode";
    recipient.postcode = first;
    recipient.city = town.substr(space + 1);
  } else if (const auto form = conventions.postcode_forms.find(recipient.country);
             form != conventions.postcode_forms.end()) {
    std::smatch match;
    if (std::regex_search(town, match, std::regex(form->second), std::regex_constants::match_continuous) &&
        town.size() > static_cast<std::size_t>(match.length(0)) && town[match.length(0)] == ' ') {
      recipient.postcode = match.str(0);
      recipient.city = town.substr(match.length(0) + 1);
    } else {
      recipient.city = town;
    }
  } else if (space != std::string::npos && has_digit(first)) {
    recipient.postcode = first;
    recipient.city = town.substr(space + 1);
  } else {
    recipient.city = town;
  }
  recipient.street = rest.back();
  rest.pop_back();
  recipient.name = std::move(rest);
  return recipient;
}

}  // namespace kuvert::split

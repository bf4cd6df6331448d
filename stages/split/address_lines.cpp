#include "stages/split/address_lines.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

#include "pipeline/model/concat.hpp"

namespace kuvert::split {
namespace {

bool has_digit(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

}  // namespace

AddressReader::AddressReader(const AddressConventions& conventions) : country_names_(conventions.country_names) {
  for (const auto& [code, form] : conventions.postcode_forms) postcode_forms_.emplace(code, std::regex(form));
}

std::variant<Recipient, std::string> AddressReader::recipient(const std::vector<std::string>& lines) const {
  std::vector<std::string> rest = lines;
  Recipient recipient;
  if (!rest.empty())
    for (const auto& [code, name] : country_names_)
      if (rest.back() == name) {
        recipient.country = code;
        rest.pop_back();
        break;
      }
  if (rest.size() < 3)
    return concat("the address has ", std::to_string(rest.size()), rest.size() == 1 ? " line" : " lines",
                  " besides a country; a name, a street and a town are needed");
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
  } else if (const auto form = postcode_forms_.find(recipient.country); form != postcode_forms_.end()) {
    std::smatch match;
    if (std::regex_search(town, match, form->second, std::regex_constants::match_continuous) &&
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

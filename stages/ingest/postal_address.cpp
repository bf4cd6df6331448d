#include "stages/ingest/postal_address.hpp"

#include <algorithm>

namespace kuvert {

std::size_t recipient_line_count(const Recipient& recipient) {
  return recipient.name.size() + 2 + (recipient.domestic() ? 0 : 1);
}

std::optional<std::string> german_postcode_problem(const std::string& postcode) {
  const bool digits = postcode.size() == 5 &&
                      std::all_of(postcode.begin(), postcode.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits) return "\"" + postcode + "\" is not a German postcode (expected 5 digits)";
  // Leitregion 00 does not exist; every valid postcode starts 01 to 99.
  if (postcode.compare(0, 2, "00") == 0)
    return "\"" + postcode + "\" is not a German postcode (there is no Leitregion 00)";
  return std::nullopt;
}

std::vector<std::pair<std::string, std::string>> recipient_problems(const Recipient& recipient) {
  std::vector<std::pair<std::string, std::string>> problems;
  if (recipient.name.empty()) problems.emplace_back("recipient.name", "expected at least one name line");
  for (std::size_t i = 0; i < recipient.name.size(); ++i)
    if (recipient.name[i].empty())
      problems.emplace_back("recipient.name[" + std::to_string(i) + "]", "is empty; the address may have no blank lines");
  if (recipient.street.empty()) problems.emplace_back("recipient.street", "is empty");
  if (recipient.city.empty()) problems.emplace_back("recipient.city", "is empty");
  const auto& country = recipient.country;
  if (country.size() != 2 || !std::all_of(country.begin(), country.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
    problems.emplace_back("recipient.country", "\"" + country + "\" is not an ISO 3166 country code (expected two capital letters, e.g. \"DE\")");
  else if (recipient.domestic()) {
    if (auto problem = german_postcode_problem(recipient.postcode)) problems.emplace_back("recipient.postcode", *problem);
  }
  const auto lines = recipient_line_count(recipient);
  if (lines > kMaxRecipientLines)
    problems.emplace_back("recipient", "needs " + std::to_string(lines) + " address lines; the address field holds at most " +
                                           std::to_string(kMaxRecipientLines));
  return problems;
}

}  // namespace kuvert

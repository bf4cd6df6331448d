#include "stages/ingest/postal_address.hpp"

#include <algorithm>

#include "pipeline/model/plain_text.hpp"

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

bool is_country_code(const std::string& code) {
  // The codes ISO 3166-1 assigns (alpha-2), as one string of pairs.
  static constexpr std::string_view kAssigned =
      "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZ"
      "DEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJE"
      "JMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINL"
      "NONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTL"
      "TMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTZAZMZW";
  if (code.size() != 2) return false;
  // Kosovo's code is user-assigned in ISO 3166, but the EU and the post use it.
  if (code == "XK") return true;
  for (std::size_t i = 0; i < kAssigned.size(); i += 2)
    if (kAssigned.compare(i, 2, code) == 0) return true;
  return false;
}

std::vector<std::pair<std::string, std::string>> recipient_problems(const Recipient& recipient) {
  std::vector<std::pair<std::string, std::string>> problems;
  if (recipient.name.empty()) problems.emplace_back("recipient.name", "expected at least one name line");
  for (std::size_t i = 0; i < recipient.name.size(); ++i)
    if (is_blank(recipient.name[i]))
      problems.emplace_back(
          "recipient.name[" + std::to_string(i) + "]",
          std::string(recipient.name[i].empty() ? "is empty" : "is blank") + "; the address may have no blank lines");
  if (is_blank(recipient.street)) problems.emplace_back("recipient.street", "is empty");
  if (is_blank(recipient.city)) problems.emplace_back("recipient.city", "is empty");
  const auto& country = recipient.country;
  if (!is_country_code(country))
    problems.emplace_back(
        "recipient.country",
        "\"" + country +
            "\" is not an ISO 3166-1 country code (expected two capital letters of an assigned code, e.g. \"DE\")");
  else if (recipient.domestic()) {
    if (auto problem = german_postcode_problem(recipient.postcode))
      problems.emplace_back("recipient.postcode", *problem);
  }
  const auto lines = recipient_line_count(recipient);
  if (lines > kMaxRecipientLines)
    problems.emplace_back("recipient", "needs " + std::to_string(lines) +
                                           " address lines; the address field holds at most " +
                                           std::to_string(kMaxRecipientLines));
  return problems;
}

}  // namespace kuvert

#include "pipeline/plan/presort.hpp"

#include <algorithm>
#include <tuple>
#include <utility>

namespace kuvert {
namespace {

// Domestic: ("", Leitregion, postcode); foreign: (country, "", postcode).
// The empty country sorts domestic mail before every country code.
using SortKey = std::tuple<std::string, std::string, std::string>;

SortKey sort_key(const Recipient& r) {
  if (r.domestic()) return {std::string(), leitregion(r.postcode), r.postcode};
  return {r.country, std::string(), r.postcode};
}

}  // namespace

std::string leitregion(const std::string& postcode) { return postcode.substr(0, 2); }

void presort(std::vector<std::size_t>& order, const std::vector<MailPiece>& pieces) {
  // Keys are computed once per piece.
  std::vector<std::pair<SortKey, std::size_t>> keyed;
  keyed.reserve(order.size());
  for (const auto index : order) keyed.emplace_back(sort_key(pieces[index].recipient()), index);
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 0; i < keyed.size(); ++i) order[i] = keyed[i].second;
}

}  // namespace kuvert

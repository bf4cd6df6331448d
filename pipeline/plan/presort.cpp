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

void presort(std::vector<MailPiece>& pieces) {
  // Keys are computed once per piece, then the pieces are moved into place.
  std::vector<std::pair<SortKey, std::size_t>> order;
  order.reserve(pieces.size());
  for (std::size_t i = 0; i < pieces.size(); ++i) order.emplace_back(sort_key(pieces[i].recipient()), i);
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<MailPiece> sorted;
  sorted.reserve(pieces.size());
  for (const auto& entry : order) sorted.push_back(std::move(pieces[entry.second]));
  pieces = std::move(sorted);
}

}  // namespace kuvert

#include "tools/inserter_sim/stack_faults.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <random>

#include "pipeline/model/error.hpp"

namespace kuvert::inserter_sim {
namespace {

constexpr std::array<std::pair<FaultKind, const char*>, 6> kKinds{{{FaultKind::lost, "lost"},
                                                                   {FaultKind::double_feed, "double-feed"},
                                                                   {FaultKind::torn, "torn"},
                                                                   {FaultKind::jam, "jam"},
                                                                   {FaultKind::twice, "twice"},
                                                                   {FaultKind::shuffle, "shuffle"}}};

[[noreturn]] void refuse(const std::string& problem) {
  throw Error(ErrorKind::input, Where{.field = "--fault"}, problem);
}

}  // namespace

std::string fault_text(const Fault& fault) {
  for (const auto& [kind, name] : kKinds)
    if (kind == fault.kind) return std::string(name) + "@" + std::to_string(fault.position);
  return "?";
}

Fault parse_fault(const std::string& text) {
  const auto at = text.find('@');
  Fault fault;
  const auto* kind =
      std::find_if(kKinds.begin(), kKinds.end(), [&](const auto& entry) { return text.substr(0, at) == entry.second; });
  if (at == std::string::npos || kind == kKinds.end())
    refuse("\"" + text + "\" is not KIND@SHEET with KIND lost, double-feed, torn, jam, twice or shuffle");
  fault.kind = kind->first;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data() + at + 1, end, fault.position);
  if (error != std::errc() || stop != end || fault.position == 0)
    refuse("\"" + text + "\" names no sheet (1 for the first fed)");
  return fault;
}

std::vector<Fault> random_faults(std::size_t count, std::uint32_t seed, std::size_t sheets) {
  std::mt19937 random(seed);
  std::vector<Fault> faults;
  for (std::size_t i = 0; i < count && sheets > 1; ++i)
    // Not the last sheet: double feeds and shuffles need one after it.
    faults.push_back({kKinds[i % kKinds.size()].first, 1 + random() % (sheets - 1)});
  std::sort(faults.begin(), faults.end(), [](const Fault& a, const Fault& b) { return a.position < b.position; });
  return faults;
}

std::vector<FedSheet> feed_stack(const std::vector<std::size_t>& feed_order, const std::vector<std::size_t>& piece_of,
                                 const std::vector<Fault>& faults) {
  const std::size_t n = feed_order.size();
  std::vector<std::size_t> order = feed_order;
  std::vector<FedSheet> marks(n);
  std::vector<bool> skipped(n, false);
  std::vector<std::size_t> twice;  // positions (0-based) whose piece comes again
  for (const auto& fault : faults) {
    const bool needs_next = fault.kind == FaultKind::double_feed || fault.kind == FaultKind::shuffle;
    if (fault.position > n || (needs_next && fault.position == n))
      refuse(fault_text(fault) + " is beyond the " + std::to_string(n) + " sheets of the run");
    const std::size_t p = fault.position - 1;
    switch (fault.kind) {
      case FaultKind::lost:
        skipped[p] = true;
        break;
      case FaultKind::double_feed:
        marks[p].double_fed = true;
        skipped[p + 1] = true;
        break;
      case FaultKind::torn:
        marks[p].torn = true;
        break;
      case FaultKind::jam:
        marks[p].jam = true;
        break;
      case FaultKind::shuffle:
        std::swap(order[p], order[p + 1]);
        break;
      case FaultKind::twice:
        twice.push_back(p);
        break;
    }
  }
  std::vector<FedSheet> fed;
  for (std::size_t p = 0; p < n; ++p) {
    if (!skipped[p]) {
      FedSheet sheet = marks[p];
      sheet.sheet = order[p];
      sheet.position = p + 1;
      fed.push_back(sheet);
      if (sheet.jam) break;
    }
    for (const std::size_t at : twice) {
      // The piece of the sheet at `at` as printed, again after its last sheet.
      const std::size_t piece = piece_of.at(feed_order[at]);
      std::size_t first = at, last = at;
      while (first > 0 && piece_of.at(feed_order[first - 1]) == piece) --first;
      while (last + 1 < n && piece_of.at(feed_order[last + 1]) == piece) ++last;
      if (last != p) continue;
      for (std::size_t q = first; q <= last; ++q) fed.push_back({.sheet = feed_order[q], .position = p + 1});
    }
  }
  return fed;
}

}  // namespace kuvert::inserter_sim

#include "tools/inserter_sim/stack_faults.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <random>
#include <tuple>

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

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// The positions (0-based, feed order) of the piece the sheet at `at` is of.
std::pair<std::size_t, std::size_t> piece_around(std::size_t at, const std::vector<std::size_t>& feed_order,
                                                 const std::vector<std::size_t>& piece_of) {
  const std::size_t piece = piece_of.at(feed_order[at]);
  std::size_t first = at, last = at;
  while (first > 0 && piece_of.at(feed_order[first - 1]) == piece) --first;
  while (last + 1 < feed_order.size() && piece_of.at(feed_order[last + 1]) == piece) ++last;
  return {first, last};
}

// Why `faults` cannot all happen, or nothing: one beyond the stack, or two
// on the same sheets (a double feed and a shuffle take the next sheet too,
// a piece printed twice all of its sheets), which no stack shows at once.
std::optional<std::string> clash(const std::vector<Fault>& faults, const std::vector<std::size_t>& feed_order,
                                 const std::vector<std::size_t>& piece_of) {
  const std::size_t n = feed_order.size();
  std::vector<std::size_t> taken_by(n, kNone);
  for (std::size_t f = 0; f < faults.size(); ++f) {
    const Fault& fault = faults[f];
    const bool needs_next = fault.kind == FaultKind::double_feed || fault.kind == FaultKind::shuffle;
    if (fault.position == 0 || fault.position > n || (needs_next && fault.position == n))
      return fault_text(fault) + " is beyond the " + std::to_string(n) + " sheets of the run";
    std::size_t first = fault.position - 1, last = first + (needs_next ? 1 : 0);
    if (fault.kind == FaultKind::twice) std::tie(first, last) = piece_around(first, feed_order, piece_of);
    for (std::size_t p = first; p <= last; ++p) {
      if (taken_by[p] != kNone)
        return fault_text(faults[taken_by[p]]) + " and " + fault_text(fault) + " fall on the same sheet";
      taken_by[p] = f;
    }
  }
  return std::nullopt;
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

std::vector<Fault> random_faults(std::size_t count, std::uint32_t seed, const std::vector<std::size_t>& feed_order,
                                 const std::vector<std::size_t>& piece_of) {
  std::mt19937 random(seed);
  const std::size_t sheets = feed_order.size();
  std::vector<Fault> faults;
  // Not the last sheet (double feeds and shuffles need one after it), and
  // never on sheets another fault already took: a few tries each.
  for (std::size_t i = 0; i < count && sheets > 1; ++i)
    for (int attempt = 0; attempt < 100; ++attempt) {
      faults.push_back({kKinds[i % kKinds.size()].first, 1 + random() % (sheets - 1)});
      if (!clash(faults, feed_order, piece_of)) break;
      faults.pop_back();
    }
  std::sort(faults.begin(), faults.end(), [](const Fault& a, const Fault& b) { return a.position < b.position; });
  return faults;
}

std::vector<FedSheet> feed_stack(const std::vector<std::size_t>& feed_order, const std::vector<std::size_t>& piece_of,
                                 const std::vector<Fault>& faults) {
  const std::size_t n = feed_order.size();
  if (const auto problem = clash(faults, feed_order, piece_of)) refuse(*problem);
  std::vector<std::size_t> order = feed_order;
  std::vector<FedSheet> marks(n);
  std::vector<bool> skipped(n, false);
  std::vector<std::size_t> twice_after(n, kNone);  // where a piece printed twice comes again: its first sheet
  for (const auto& fault : faults) {
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
      case FaultKind::twice: {
        const auto [first, last] = piece_around(p, feed_order, piece_of);
        twice_after[last] = first;
        break;
      }
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
    if (twice_after[p] != kNone)
      for (std::size_t q = twice_after[p]; q <= p; ++q) fed.push_back({.sheet = feed_order[q], .position = p + 1});
  }
  return fed;
}

}  // namespace kuvert::inserter_sim

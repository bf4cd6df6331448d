#include "stages/plan/consolidate.hpp"

#include <algorithm>
#include <numeric>
#include <tuple>

#include "stages/plan/pieces.hpp"
#include "stages/plan/profile_lookup.hpp"

// A job's documents are sorted by what must be equal for sharing an envelope,
// so that partners meet; a few arrays of indices are all it takes, however
// large the job.

namespace kuvert {
namespace {

// Settings that may share an envelope get the same number: their paper,
// sides, inserter and envelope agree (inserts are merged, not compared).
std::vector<std::uint16_t> envelope_classes(const std::vector<ProductionSettings>& settings) {
  std::vector<std::uint16_t> classes(settings.size());
  for (std::size_t i = 0; i < settings.size(); ++i) {
    const auto& s = settings[i];
    classes[i] = static_cast<std::uint16_t>(i);
    for (std::size_t earlier = 0; earlier < i; ++earlier) {
      const auto& e = settings[earlier];
      if (std::tie(s.paper, s.sides, s.inserter, s.envelope) == std::tie(e.paper, e.sides, e.inserter, e.envelope)) {
        classes[i] = classes[earlier];
        break;
      }
    }
  }
  return classes;
}

// Where pieces begin in `order` once every piece stops growing before the
// inserter or the heaviest postage product could no longer take it: a
// recipient's further documents begin another piece. A document too much
// for either on its own stays a piece of its own (for manual handling).
std::vector<std::uint32_t> within_limits(const Job& job, const std::vector<std::uint32_t>& order,
                                         const std::vector<std::uint32_t>& starts, const ProfileCatalog& catalog) {
  std::vector<std::uint32_t> limited;
  limited.reserve(starts.size());
  for (std::size_t p = 0; p < starts.size(); ++p) {
    const std::uint32_t end = p + 1 < starts.size() ? starts[p + 1] : static_cast<std::uint32_t>(order.size());
    std::uint32_t begin = starts[p];
    limited.push_back(begin);
    for (std::uint32_t next = begin + 1; next < end; ++next) {
      const std::span<const std::uint32_t> grown(order.data() + begin, next + 1 - begin);
      if (!make_piece(job, grown, catalog).manual) continue;
      begin = next;
      limited.push_back(begin);
    }
  }
  return limited;
}

}  // namespace

bool may_share_envelope(const ProductionSettings& settings) { return settings.consolidate && !settings.sensitive; }

std::vector<std::string> order_inserts(const std::vector<std::string>& inserts, const InserterProfile& inserter,
                                       const Where& where) {
  // (station, position in the profile, name): stations decide, the profile's
  // listing breaks ties.
  std::vector<std::tuple<int, std::size_t, std::string>> ordered;
  for (const auto& name : inserts) {
    const Feeder& feeder = find_feeder(inserter, name, where);
    const auto position = static_cast<std::size_t>(&feeder - inserter.feeders.data());
    ordered.emplace_back(feeder.station, position, name);
  }
  std::sort(ordered.begin(), ordered.end());
  ordered.erase(std::unique(ordered.begin(), ordered.end()), ordered.end());
  std::vector<std::string> names;
  for (auto& entry : ordered) names.push_back(std::move(std::get<2>(entry)));
  return names;
}

PieceDocuments consolidate(const Job& job, const ProfileCatalog& catalog) {
  const auto& documents = job.documents;
  const auto count = static_cast<std::uint32_t>(documents.size());
  const auto classes = envelope_classes(job.settings);

  // piece[i]: first the earliest document whose envelope document i joins
  // (itself if none), then the number of that piece.
  std::vector<std::uint32_t> piece(count);
  std::iota(piece.begin(), piece.end(), 0u);
  {
    std::vector<std::uint32_t> sharing;
    for (std::uint32_t i = 0; i < count; ++i)
      if (may_share_envelope(job.settings_of(documents[i]))) sharing.push_back(i);
    const auto key = [&](std::uint32_t i) {
      return std::tie(job.recipients[i].address, classes[documents[i].settings]);
    };
    std::sort(sharing.begin(), sharing.end(), [&](std::uint32_t a, std::uint32_t b) {
      return std::tuple_cat(key(a), std::tie(a)) < std::tuple_cat(key(b), std::tie(b));
    });
    for (std::size_t i = 1; i < sharing.size(); ++i)
      if (key(sharing[i]) == key(sharing[i - 1])) piece[sharing[i]] = piece[sharing[i - 1]];
  }
  std::vector<std::uint32_t> starts;  // per piece, counting its documents first
  for (std::uint32_t i = 0; i < count; ++i) {
    if (piece[i] == i) {
      piece[i] = static_cast<std::uint32_t>(starts.size());
      starts.push_back(0);
    } else {
      piece[i] = piece[piece[i]];  // the earlier document already holds its piece number
    }
    ++starts[piece[i]];
  }
  std::exclusive_scan(starts.begin(), starts.end(), starts.begin(), 0u);
  std::vector<std::uint32_t> order(count);
  std::vector<std::uint32_t> next = starts;
  for (std::uint32_t i = 0; i < count; ++i) order[next[piece[i]]++] = i;
  return PieceDocuments(std::move(order), within_limits(job, order, starts, catalog));
}

}  // namespace kuvert

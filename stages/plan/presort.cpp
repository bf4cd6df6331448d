#include "stages/plan/presort.hpp"

#include <algorithm>

namespace kuvert {

void presort(std::vector<std::uint32_t>& order, const PieceDocuments& pieces, const Job& job) {
  const auto key = [&](std::uint32_t piece) -> const auto& {
    return job.recipients[pieces[piece].front()].presort;
  };
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return key(a) < key(b); });
}

}  // namespace kuvert

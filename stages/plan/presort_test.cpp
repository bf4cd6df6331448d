#include "stages/plan/presort.hpp"

#include <catch2/catch.hpp>

#include "stages/plan/consolidate.hpp"
#include "tests/support/planning_jobs.hpp"

using namespace kuvert;
using namespace kuvert::test;

namespace {

// A one-page document each, to a different recipient; returns the documents
// (= pieces) in presorted order.
std::vector<std::uint32_t> presorted(const std::vector<std::pair<std::string, std::string>>& postcodes) {
  JobBuilder builder;
  for (std::size_t i = 0; i < postcodes.size(); ++i)
    builder.add(1, recipient(std::to_string(i), postcodes[i].first, postcodes[i].second));
  const PieceDocuments pieces = consolidate(builder.job(), catalog());
  std::vector<std::uint32_t> order(pieces.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  presort(order, pieces, builder.job());
  return order;
}

}  // namespace

TEST_CASE("presort puts domestic mail first by postcode and foreign mail last by country", "[plan][presort]") {
  const auto order = presorted({{"39104", "DE"},
                                {"1010", "AT"},
                                {"01067", "DE"},
                                {"8001", "CH"},
                                {"39104", "DE"},
                                {"1010", "AT"},
                                {"10115", "DE"},
                                {"75001", "FR"},
                                {"4020", "AT"},
                                {"39011", "DE"},
                                {"10115", "DE"}});
  CHECK(order == std::vector<std::uint32_t>{2, 6, 10, 9, 0, 4, 1, 5, 8, 3, 7});
}

TEST_CASE("presort keeps the delivery order of equal postcodes", "[plan][presort]") {
  CHECK(presorted({{"39104", "DE"}, {"39104", "DE"}, {"39104", "DE"}, {"39104", "DE"}}) ==
        std::vector<std::uint32_t>{0, 1, 2, 3});
}

TEST_CASE("presort of no pieces is no pieces", "[plan][presort]") { CHECK(presorted({}).empty()); }

#include "pipeline/model/money_amount.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <string>
#include <limits>

using kuvert::cents_of;

TEST_CASE("cents_of takes amounts with at most two decimals", "[model][money]") {
  CHECK(cents_of(1234.56) == 123456);
  CHECK(cents_of(19.99) == 1999);
  CHECK(cents_of(-19.99) == -1999);
  CHECK(cents_of(0.01) == 1);
  CHECK(cents_of(0.1) == 10);
  CHECK(cents_of(0.0) == 0);
  CHECK(cents_of(-0.0) == 0);
  CHECK(cents_of(42.0) == 4200);
  CHECK(cents_of(1.15) == 115);
  CHECK(cents_of(4.35) == 435);
  CHECK(cents_of(9999999.99) == 999999999);
}

TEST_CASE("cents_of refuses the binary noise of sums, which the sender must round", "[model][money]") {
  double noisy = 0.1 + 0.2;
  REQUIRE(noisy != 0.3);
  CHECK(cents_of(noisy) == std::nullopt);
  CHECK(cents_of(-noisy) == std::nullopt);
  CHECK(cents_of(0.30000000000000004) == std::nullopt);
  double tenth_ten_times = 0;
  for (int i = 0; i < 10; ++i) tenth_ten_times += 0.1;
  REQUIRE(tenth_ten_times != 1.0);
  CHECK(cents_of(tenth_ten_times) == std::nullopt);
  CHECK(cents_of(std::nextafter(19.99, 20.0)) == std::nullopt);
  CHECK(cents_of(std::nextafter(19.99, 19.0)) == std::nullopt);
  // What a sender rounded to cents comes through.
  CHECK(cents_of(std::round(noisy * 100) / 100) == 30);
}

TEST_CASE("cents_of takes every amount of whole cents as JSON writes it", "[model][money]") {
  for (std::int64_t cents : {1LL, 7LL, 29LL, 115LL, 435LL, 1999LL, 123456LL, 999999999LL, 100000000000LL,
                             999'999'999'999'999LL}) {
    // The double nearest the decimal text, as a JSON parser reads "x.yz".
    const double euros = std::strtod((std::to_string(cents / 100) + "." + (cents % 100 < 10 ? "0" : "") +
                                      std::to_string(cents % 100)).c_str(), nullptr);
    INFO(cents);
    CHECK(cents_of(euros) == cents);
    CHECK(cents_of(-euros) == -cents);
  }
}

TEST_CASE("cents_of refuses a third decimal", "[model][money]") {
  CHECK(cents_of(1.234) == std::nullopt);
  CHECK(cents_of(-1.234) == std::nullopt);
  CHECK(cents_of(0.005) == std::nullopt);
  CHECK(cents_of(0.001) == std::nullopt);
  CHECK(cents_of(19.999) == std::nullopt);
  CHECK(cents_of(1234567.891) == std::nullopt);
  CHECK(cents_of(1.0001) == std::nullopt);
}

TEST_CASE("cents_of accepts amounts up to 10^13 euros and no further", "[model][money]") {
  CHECK(cents_of(1e13) == 1'000'000'000'000'000);
  CHECK(cents_of(-1e13) == -1'000'000'000'000'000);
  CHECK(cents_of(9999999999999.99) == 999'999'999'999'999);
  CHECK(cents_of(123456789012.34) == 12'345'678'901'234);
  CHECK(cents_of(std::nextafter(1e13, 1e14)) == std::nullopt);
  CHECK(cents_of(-std::nextafter(1e13, 1e14)) == std::nullopt);
  CHECK(cents_of(1e14) == std::nullopt);
  CHECK(cents_of(1e300) == std::nullopt);
}

TEST_CASE("cents_of refuses what is not a number", "[model][money]") {
  CHECK(cents_of(std::numeric_limits<double>::quiet_NaN()) == std::nullopt);
  CHECK(cents_of(std::numeric_limits<double>::infinity()) == std::nullopt);
  CHECK(cents_of(-std::numeric_limits<double>::infinity()) == std::nullopt);
}

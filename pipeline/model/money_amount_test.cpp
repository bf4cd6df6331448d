#include "pipeline/model/money_amount.hpp"

#include <catch2/catch.hpp>
#include <cmath>
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

TEST_CASE("cents_of forgives binary noise of sums", "[model][money]") {
  double noisy = 0.1 + 0.2;
  REQUIRE(noisy != 0.3);
  CHECK(cents_of(noisy) == 30);
  CHECK(cents_of(-noisy) == -30);
  double tenth_ten_times = 0;
  for (int i = 0; i < 10; ++i) tenth_ten_times += 0.1;
  REQUIRE(tenth_ten_times != 1.0);
  CHECK(cents_of(tenth_ten_times) == 100);
  CHECK(cents_of(0.07 * 3) == 21);
  CHECK(cents_of(1e6 + 0.01 - 1e6) == 1);
  CHECK(cents_of(std::nextafter(19.99, 20.0)) == 1999);
  CHECK(cents_of(std::nextafter(19.99, 19.0)) == 1999);
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

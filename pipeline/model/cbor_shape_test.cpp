#include "pipeline/model/cbor_shape.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace {

std::string cbor(const nlohmann::json& value) {
  const auto bytes = nlohmann::json::to_cbor(value);
  return {bytes.begin(), bytes.end()};
}

}  // namespace

TEST_CASE("CBOR is looked at before it is parsed: depth, items and length within the bytes", "[model]") {
  using kuvert::cbor_shape_problem;
  const nlohmann::json plan = {{"files", {{{"path", "/s/a.tif"}, {"pages", 3}}}},
                               {"parts", {{{"first", 0}, {"pages", 3}}}},
                               {"image", nlohmann::json::binary({1, 2, 3})},
                               {"width", 595.5},
                               {"none", nullptr}};
  CHECK(cbor_shape_problem(cbor(plan), 8, 100).empty());
  CHECK(cbor_shape_problem(cbor(plan), 2, 100) == "nests deeper than 2");
  CHECK(cbor_shape_problem(cbor(plan), 8, 10) == "has more than 10 items");
  // A hundred thousand arrays within each other: refused before any recursion.
  CHECK(cbor_shape_problem(std::string(100000, '\x81') + '\x01', 16, 1000000) == "nests deeper than 16");
  // Indefinite arrays and strings end with a break.
  CHECK(cbor_shape_problem("\x9f\x01\x02\xff", 4, 10).empty());
  CHECK(cbor_shape_problem("\x7f\x61z\xff", 4, 10).empty());
  CHECK(cbor_shape_problem("\x9f\x01\x02", 4, 10) == "ends within an item");
  CHECK(cbor_shape_problem(std::string("\x01\xff", 2), 4, 10).empty());  // after the item: not looked at
  CHECK(cbor_shape_problem("\xff", 4, 10) == "has a break outside an array, map or string");
  // Lengths that claim more than there is.
  CHECK(cbor_shape_problem("\x5a\xff\xff\xff\xff", 4, 10) == "has a string longer than the bytes left");
  CHECK(cbor_shape_problem("\x9b\xff\xff\xff\xff\xff\xff\xff\xff", 4, 10) ==
        "has an array or map of more items than the bytes left");
  CHECK(cbor_shape_problem("\x19\x01", 4, 10) == "ends within an item's head");
  CHECK(cbor_shape_problem("\x1c", 4, 10) == "has an item head CBOR does not define");
  CHECK(cbor_shape_problem("", 4, 10) == "ends within an item");
}

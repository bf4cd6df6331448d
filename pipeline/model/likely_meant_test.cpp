#include "pipeline/model/likely_meant.hpp"

#include <catch2/catch.hpp>

using kuvert::likely_meant;

TEST_CASE("a typo suggests the word it most likely meant", "[model]") {
  const std::vector<std::string> keys = {"id", "pages", "file", "recipient", "paper", "envelope"};
  CHECK(likely_meant("recipent", keys) == "recipient");
  CHECK(likely_meant("reciepient", keys) == "recipient");  // two letters swapped
  CHECK(likely_meant("Paper", keys) == "paper");           // case alone
  CHECK(likely_meant("papers", keys) == "paper");
  CHECK(likely_meant("colour", keys) == std::nullopt);
  CHECK(likely_meant("rn", {"run", "proof", "scan"}) == "run");
  CHECK(likely_meant("lst", {"add", "list", "remove"}) == "list");
  CHECK(likely_meant("xy", {"id"}) == std::nullopt);  // two edits in a short word are no typo
}

#include "pipeline/model/run_number.hpp"

#include <catch2/catch.hpp>

using kuvert::parse_run_number;
using kuvert::RunNumber;

TEST_CASE("A run's number is its job's and its own, and reads back as typed", "[model]") {
  CHECK(kuvert::run_number(12, "R0001") == "J12-R0001");
  CHECK(parse_run_number("J12-R0001") == RunNumber{12, "R0001"});
  CHECK(parse_run_number("j2-r0017") == RunNumber{2, "R0017"});
  CHECK(parse_run_number("J3-R12345") == RunNumber{3, "R12345"});
  CHECK(parse_run_number("J12-N0001") == RunNumber{12, "N0001"});  // a reprint run
  CHECK(parse_run_number("j12-n0002") == RunNumber{12, "N0002"});
  for (const char* wrong : {"", "12", "J12", "J-R0001", "J012-R0001", "J12-R001", "J12-0001", "J12-R00a1", "J1x-R0001",
                            "K12-R0001", "J12-X0001", "J12-R0001 ", "J99999999999999999999-R0001", "run 12"}) {
    INFO(wrong);
    CHECK_FALSE(parse_run_number(wrong));
  }
}

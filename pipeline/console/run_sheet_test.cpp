#include "pipeline/console/run_sheet.hpp"

#include <catch2/catch.hpp>

#include "tests/support/file_text.hpp"
#include "tests/support/temp_folder.hpp"

using kuvert::console::run_sheet;

namespace {

const std::string kHeader = "piece_id,sequence,documents,first_sheet,last_sheet,envelope\n";

}  // namespace

TEST_CASE("A run's sheet is found in its manifest: its piece and its place in the piece", "[console]") {
  kuvert::test::TempFolder folder;
  const auto manifest = folder.path() / "R0001.csv";
  kuvert::test::write_file(manifest, kHeader + "A-R0001-000001,1,K-1,1,1,c6-5\n"
                                               "A-R0001-000002,2,\"K-2 K-3\",2,4,c4\n"
                                               "A-R0001-000003,3,K-4,5,5,c6-5\n");
  const auto third = run_sheet(manifest, 3, 5, true);
  REQUIRE(third);
  CHECK(third->piece == "A-R0001-000002");
  CHECK(third->sequence == 2);
  CHECK(third->sheet_of_piece == 2);
  CHECK(third->piece_sheets == 3);
  CHECK(third->envelope == "c4");
  CHECK(third->front_page == 4);  // two pages a sheet
  CHECK(run_sheet(manifest, 3, 5, false)->front_page == 2);
  CHECK(run_sheet(manifest, 5, 5, true)->piece == "A-R0001-000003");
  for (const std::int64_t none : {0, 6, -1}) CHECK_FALSE(run_sheet(manifest, none, 5, true));
  CHECK_FALSE(run_sheet(folder.path() / "gone.csv", 1, 5, true));
}

TEST_CASE("A manifest that does not say where a sheet is gives no sheet, whatever its numbers", "[console][input]") {
  kuvert::test::TempFolder folder;
  const auto manifest = folder.path() / "R0001.csv";
  for (const std::string rows :
       {"A,1,K,-9223372036854775808,5,c4\n", "A,1,K,1,9223372036854775807,c4\n", "A,1,K,4,2,c4\n", "A,1,K,x,2,c4\n",
        "A,1,K,1\n", "A,1,K,1,3,c4,extra\n", "A,1,\"K,1,3,c4\n", "A,1,K, 1,3,c4\n"}) {
    INFO(rows);
    kuvert::test::write_file(manifest, kHeader + rows);
    CHECK_FALSE(run_sheet(manifest, 2, 5, true));
  }
  kuvert::test::write_file(manifest, "piece_id,sequence\nA,1\n");  // columns missing
  CHECK_FALSE(run_sheet(manifest, 1, 5, true));
  kuvert::test::write_file(manifest, "");
  CHECK_FALSE(run_sheet(manifest, 1, 5, true));
}

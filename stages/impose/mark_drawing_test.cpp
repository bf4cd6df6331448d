#include "stages/impose/mark_drawing.hpp"

#include <catch2/catch.hpp>

#include "pipeline/model/error.hpp"
#include "tests/support/profile_fixtures.hpp"

using kuvert::PageBox;
using kuvert::test::datamatrix_profile;
using kuvert::test::generic_omr;
using kuvert::test::kGenericBehind;
using kuvert::test::kGenericZone;

namespace {

kuvert::SheetContext first_of_two() {
  kuvert::SheetContext context;
  context.run_id = "R0001";
  context.piece_id = "R0001-000001";
  context.sheet_in_run = 2;
  context.run_sheets = 10;
  context.sheet_in_piece = 1;
  context.piece_sheets = 2;
  return context;
}

}  // namespace

TEST_CASE("content-stream numbers have at most 3 decimals and a point", "[impose][drawing]") {
  CHECK(kuvert::pdf_number(547.0866) == "547.087");
  CHECK(kuvert::pdf_number(595.276) == "595.276");
  CHECK(kuvert::pdf_number(0.5) == "0.5");
  CHECK(kuvert::pdf_number(841.89) == "841.89");
  CHECK(kuvert::pdf_number(2) == "2");
  CHECK(kuvert::pdf_number(0.0004) == "0");
  CHECK(kuvert::pdf_number(-3.25) == "-3.25");
  CHECK(kuvert::pdf_number(-0.05) == "-0.05");
  CHECK(kuvert::pdf_number(1.0005) == "1.001");
  CHECK(kuvert::pdf_number(12345678.9) == "12345678.9");
}

TEST_CASE("generic-omr's first bar lands at exact points", "[impose][drawing]") {
  // x 193 to 203 mm, y 99.75 to 100.25 mm from the top of an A4 page.
  std::vector<bool> bars(9, false);
  bars[0] = true;
  CHECK(kuvert::draw_bars(generic_omr(), bars, kuvert::kBlankA4) == "0 g\n547.087 557.717 28.346 1.417 re f\n");
}

TEST_CASE("bars step down by the pitch and edges are rounded, not lengths", "[impose][drawing]") {
  std::vector<bool> bars(9, false);
  bars[1] = bars[8] = true;
  CHECK(kuvert::draw_bars(generic_omr(), bars, kuvert::kBlankA4) ==
        "0 g\n547.087 545.726 28.346 1.418 re f\n547.087 461.792 28.346 1.418 re f\n");
  CHECK(kuvert::draw_bars(generic_omr(), std::vector<bool>(9, false), kuvert::kBlankA4) == "0 g\n");
}

TEST_CASE("marks are placed relative to the media box's top-left corner", "[impose][drawing]") {
  std::vector<bool> bars(9, false);
  bars[0] = true;
  const PageBox shifted{10, 20, 605.276, 861.89};
  CHECK(kuvert::draw_bars(generic_omr(), bars, shifted) == "0 g\n557.087 577.717 28.346 1.417 re f\n");
}

TEST_CASE("the clear zone is filled white", "[impose][drawing]") {
  CHECK(kuvert::draw_clear_zone(generic_omr(), kuvert::kBlankA4) == kGenericZone);
  CHECK(kuvert::draw_clear_zone(datamatrix_profile(), kuvert::kBlankA4) == "1 g\n510.236 773.859 51.024 51.023 re f\n");
}

TEST_CASE("a side's marks are the white clear zone then the black code", "[impose][drawing]") {
  // Sheet 2 of the run, first of its piece: start, sequence 1, parity, safety.
  CHECK(kuvert::draw_side_marks(generic_omr(), first_of_two(), kuvert::kBlankA4, true) ==
        kGenericZone +
            "0 g\n547.087 557.717 28.346 1.417 re f\n547.087 485.773 28.346 1.418 re f\n"
            "547.087 473.783 28.346 1.417 re f\n547.087 461.792 28.346 1.418 re f\n");
  CHECK(kuvert::draw_side_marks(generic_omr(), first_of_two(), kuvert::kBlankA4, false) ==
        kGenericZone + kGenericBehind);
}

TEST_CASE("DataMatrix modules are drawn as one rectangle per horizontal run", "[impose][drawing]") {
  // 3 x 2 modules:  # # .
  //                 . # #
  const kuvert::ModuleMatrix modules{3, 2, {true, true, false, false, true, true}};
  // Module 0.5 mm at x 182, y 8 mm: runs x 182-183 y 8-8.5 and x 182.5-183.5 y 8.5-9.
  CHECK(kuvert::draw_modules(datamatrix_profile(), modules, kuvert::kBlankA4) ==
        "0 g\n515.906 817.796 2.834 1.417 re f\n517.323 816.378 2.834 1.418 re f\n");
}

TEST_CASE("a DataMatrix side holds the encoded payload", "[impose][drawing]") {
  const auto profile = datamatrix_profile();
  const auto drawn = kuvert::draw_side_marks(profile, first_of_two(), kuvert::kBlankA4, true);
  const auto modules = kuvert::datamatrix_modules("R0001-000001|S01/02|F");
  CHECK(drawn ==
        kuvert::draw_clear_zone(profile, kuvert::kBlankA4) + kuvert::draw_modules(profile, modules, kuvert::kBlankA4));
  // The solid left column starts each row with a rectangle at x 182 mm.
  std::size_t rows_at_left = 0;
  for (std::size_t at = drawn.find("\n515.906 "); at != std::string::npos; at = drawn.find("\n515.906 ", at + 1))
    ++rows_at_left;
  CHECK(rows_at_left == static_cast<std::size_t>(modules.height));
}

TEST_CASE("a DataMatrix too large for the clear zone is refused", "[impose][drawing]") {
  auto profile = datamatrix_profile();
  profile.clear_zone.width = 10;  // x 180-190: room for 14 modules after x 182 with the quiet zone
  auto context = first_of_two();
  context.piece_id = "R0001-000001-AND-A-MUCH-LONGER-SUFFIX-THAT-NEEDS-A-LARGER-SYMBOL";
  try {
    kuvert::draw_side_marks(profile, context, kuvert::kBlankA4, true);
    FAIL("an oversized DataMatrix was drawn");
  } catch (const kuvert::Error& error) {
    CHECK(error.kind() == kuvert::ErrorKind::input);
    CHECK_THAT(error.what(), Catch::Contains("modules and with its quiet zone does not fit the clear zone of "
                                             "inserter profile \"datamatrix\""));
  }
}

#include "stages/impose/sheet_imposer.hpp"

#include <catch2/catch.hpp>

#include "pipeline/model/error.hpp"
#include "stages/impose/mark_drawing.hpp"
#include "tests/support/profile_fixtures.hpp"

using kuvert::PdfObjectBytes;
using kuvert::Sides;
using kuvert::test::generic_omr;
using kuvert::test::kGenericBehind;
using kuvert::test::kGenericZone;

namespace {

const std::string kA4 = "/MediaBox [0 0 595.276 841.89]";

kuvert::SheetContext only_sheet() {
  kuvert::SheetContext context;
  context.run_id = "R0001";
  context.piece_id = "R0001-000001";
  return context;  // sheet 1 of 1 in run and piece: start, insert, safety, parity
}

// A page as ingest copies it: resources 10, contents 11 and 12.
kuvert::CopiedPage copied_page() {
  kuvert::CopiedPage page;
  page.entries = kA4 + " /Resources 10 0 R";
  page.contents = {11, 12};
  page.objects = {{10, "<< /Font << >> >>"},
                  {11, "<< /Length 1 >>\nstream\nx\nendstream"},
                  {12, "<< /Length 1 >>\nstream\ny\nendstream"}};
  page.urx = 595.276;
  page.ury = 841.89;
  return page;
}

kuvert::SheetNumbers numbers(Sides sides) {
  kuvert::ObjectNumbering numbering;  // starts at 4
  return kuvert::allocate_sheet_numbers(numbering, sides);
}

// The data of a stream object, after checking that /Length matches it.
std::string stream_data(const PdfObjectBytes& object) {
  const std::string& body = object.body;
  const std::string head = "<< /Length ";
  REQUIRE(body.rfind(head, 0) == 0);
  const std::size_t length = std::stoul(body.substr(head.size()));
  const std::size_t start = body.find(" >>\nstream\n");
  REQUIRE(start != std::string::npos);
  const std::size_t data = start + std::string(" >>\nstream\n").size();
  const std::size_t end = body.rfind("\nendstream");
  REQUIRE(end == body.size() - std::string("\nendstream").size());
  CHECK(end - data == length);
  return body.substr(data, end - data);
}

std::vector<std::uint32_t> numbers_of(const std::vector<PdfObjectBytes>& objects) {
  std::vector<std::uint32_t> out;
  for (const auto& object : objects) out.push_back(object.number);
  return out;
}

// generic-omr bars of the only sheet of a run: start, insert, parity, safety.
const std::string kOnlySheetBars =
    "0 g\n547.087 557.717 28.346 1.417 re f\n547.087 545.726 28.346 1.418 re f\n"
    "547.087 473.783 28.346 1.417 re f\n547.087 461.792 28.346 1.418 re f\n";

}  // namespace

TEST_CASE("allocate_sheet_numbers takes 2 numbers per side", "[impose][sheet]") {
  kuvert::ObjectNumbering numbering;
  const auto duplex = kuvert::allocate_sheet_numbers(numbering, Sides::duplex);
  const auto simplex = kuvert::allocate_sheet_numbers(numbering, Sides::simplex);
  CHECK(duplex.front.page == 4);
  CHECK(duplex.front.marks == 5);
  CHECK(duplex.back.page == 6);
  CHECK(duplex.back.marks == 7);
  CHECK(simplex.front.page == 8);
  CHECK(simplex.front.marks == 9);
  CHECK(simplex.back.page == 0);
  CHECK(numbering.next() == 10);
  CHECK(kuvert::allocate_sheet_numbers(numbering, Sides::duplex).back.marks == 13);
}

TEST_CASE("a duplex sheet: copied front with marks, blank back with the clear zone", "[impose][sheet]") {
  const auto profile = generic_omr();
  const auto sheet =
      kuvert::impose_sheet(&profile, only_sheet(), Sides::duplex, copied_page(), std::nullopt, numbers(Sides::duplex));

  CHECK(sheet.pages == std::vector<std::uint32_t>{4, 6});
  REQUIRE(numbers_of(sheet.objects) == std::vector<std::uint32_t>{10, 11, 12, 4, 5, 6, 7});
  CHECK(sheet.objects[0].body == "<< /Font << >> >>");
  CHECK(sheet.objects[3].body ==
        "<< /Type /Page /Parent 2 0 R /Contents [3 0 R 11 0 R 12 0 R 5 0 R] " + kA4 + " /Resources 10 0 R >>");
  CHECK(stream_data(sheet.objects[4]) == "Q\n" + kGenericZone + kOnlySheetBars);
  CHECK(sheet.objects[5].body ==
        "<< /Type /Page /Parent 2 0 R /Contents [3 0 R 7 0 R] " + kA4 + " /Resources << >> >>");
  CHECK(stream_data(sheet.objects[6]) == "Q\n" + kGenericZone + kGenericBehind);
}

TEST_CASE("a profile reading the back puts the code on the back page", "[impose][sheet]") {
  auto profile = generic_omr();
  profile.side = kuvert::SheetSide::back;
  auto back = copied_page();
  back.objects.clear();  // already copied with the front
  const auto sheet =
      kuvert::impose_sheet(&profile, only_sheet(), Sides::duplex, copied_page(), back, numbers(Sides::duplex));
  REQUIRE(numbers_of(sheet.objects) == std::vector<std::uint32_t>{10, 11, 12, 4, 5, 6, 7});
  CHECK(stream_data(sheet.objects[4]) == "Q\n" + kGenericZone + kGenericBehind);
  CHECK(sheet.objects[5].body ==
        "<< /Type /Page /Parent 2 0 R /Contents [3 0 R 11 0 R 12 0 R 7 0 R] " + kA4 + " /Resources 10 0 R >>");
  CHECK(stream_data(sheet.objects[6]) == "Q\n" + kGenericZone + kOnlySheetBars);
}

TEST_CASE("a simplex sheet carries the code on its front even for a back-reading profile", "[impose][sheet]") {
  auto profile = generic_omr();
  profile.side = kuvert::SheetSide::back;
  const auto sheet =
      kuvert::impose_sheet(&profile, only_sheet(), Sides::simplex, std::nullopt, std::nullopt, numbers(Sides::simplex));
  CHECK(sheet.pages == std::vector<std::uint32_t>{4});
  REQUIRE(numbers_of(sheet.objects) == std::vector<std::uint32_t>{4, 5});
  CHECK(sheet.objects[0].body ==
        "<< /Type /Page /Parent 2 0 R /Contents [3 0 R 5 0 R] " + kA4 + " /Resources << >> >>");
  CHECK(stream_data(sheet.objects[1]) == "Q\n" + kGenericZone + kOnlySheetBars);
}

TEST_CASE("a manual run gets neither marks nor a painted clear zone", "[impose][sheet]") {
  const auto sheet =
      kuvert::impose_sheet(nullptr, only_sheet(), Sides::duplex, copied_page(), std::nullopt, numbers(Sides::duplex));
  REQUIRE(numbers_of(sheet.objects) == std::vector<std::uint32_t>{10, 11, 12, 4, 5, 6, 7});
  CHECK(sheet.objects[4].body == "<< /Length 2 >>\nstream\nQ\n\nendstream");
  CHECK(stream_data(sheet.objects[6]) == "Q\n");
}

TEST_CASE("marks follow a copied page's media box", "[impose][sheet]") {
  const auto profile = generic_omr();
  auto page = copied_page();
  page.llx = 10;
  page.lly = 20;
  page.urx = 605.276;
  page.ury = 861.89;
  const auto sheet =
      kuvert::impose_sheet(&profile, only_sheet(), Sides::simplex, page, std::nullopt, numbers(Sides::simplex));
  REQUIRE(sheet.objects.size() == 5);
  const std::string data = stream_data(sheet.objects[4]);
  CHECK(data == "Q\n" + kuvert::draw_side_marks(profile, only_sheet(), {10, 20, 605.276, 861.89}, true));
  CHECK(data.find("557.087 577.717 28.346 1.417 re f\n") != std::string::npos);
}

TEST_CASE("impose_sheet refuses a simplex back page and missing numbers", "[impose][sheet]") {
  const auto profile = generic_omr();
  try {
    kuvert::impose_sheet(&profile, only_sheet(), Sides::simplex, copied_page(), copied_page(), numbers(Sides::simplex));
    FAIL("a simplex sheet took a back page");
  } catch (const kuvert::Error& error) {
    CHECK(error.kind() == kuvert::ErrorKind::internal);
    CHECK(std::string(error.what()) == "record \"R0001-000001\": a simplex sheet was given a back page");
  }
  // Numbers for a simplex sheet only: the duplex back has none.
  CHECK_THROWS_AS(
      kuvert::impose_sheet(&profile, only_sheet(), Sides::duplex, copied_page(), std::nullopt, numbers(Sides::simplex)),
      kuvert::Error);
}

#include "stages/deliver/control_files.hpp"

#include <catch2/catch.hpp>

#include "pipeline/model/error.hpp"
#include "tests/support/profile_fixtures.hpp"

namespace kuvert {
namespace {

MailPiece piece(const std::string& id, std::uint32_t sequence, std::size_t sheets, std::vector<std::string> inserts,
                const std::string& product) {
  MailPiece p;
  p.id = id;
  p.sequence = sequence;
  p.sheet_count = sheets;
  p.inserts = std::move(inserts);
  p.envelope = "c6-5";
  p.product = product;
  return p;
}

struct TwoPieces {
  PrintRun run;
  RunContents contents;
  InserterProfile inserter = test::generic_omr();
  TwoPieces() {
    run.id = "R0002";
    contents.pieces = {piece("R0002-000001", 1, 2, {"feeder-2", "feeder-1"}, "Kompaktbrief"),
                       piece("R0002-000002", 2, 1, {}, "Standardbrief")};
  }
};

}  // namespace

TEST_CASE("control files in fixed width: a record a piece and a record a sheet, columns padded", "[deliver]") {
  TwoPieces two;
  two.inserter.control_files = {ControlFormat::fixed, ControlFormat::fixed};
  const auto files = control_files(two.run, two.contents, two.inserter, "3F2A9C1D");
  REQUIRE(files.size() == 2);
  CHECK(files[0].name == "R0002.pieces.txt");
  const std::string id1 = "3F2A9C1D-R0002-000001           ", id2 = "3F2A9C1D-R0002-000002           ";
  CHECK(files[0].bytes == id1 + "000001" + "002" + "0102                    " + "c6-5        " +
                              "Kompaktbrief                    " + "N\r\n" +
                          id2 + "000002" + "001" + "                        " + "c6-5        " +
                              "Standardbrief                   " + "N\r\n");
  CHECK(files[1].name == "R0002.sheets.txt");
  // Feeders fire on the last sheet of a piece only.
  CHECK(files[1].bytes == id1 + "001002" + std::string(24, ' ') + "N\r\n" +
                          id1 + "002002" + "0102                    " + "N\r\n" +
                          id2 + "001001" + std::string(24, ' ') + "N\r\n");
}

TEST_CASE("control files in CSV have a header and the piece id of the codes", "[deliver]") {
  TwoPieces two;
  two.inserter.control_files = {ControlFormat::csv, std::nullopt};
  const auto files = control_files(two.run, two.contents, two.inserter, "3F2A9C1D");
  REQUIRE(files.size() == 1);
  CHECK(files[0].name == "R0002.pieces.csv");
  CHECK(files[0].bytes ==
        "piece,sequence,sheets,feeders,envelope,product,manual\r\n"
        "3F2A9C1D-R0002-000001,1,2,1 2,c6-5,Kompaktbrief,N\r\n"
        "3F2A9C1D-R0002-000002,2,1,,c6-5,Standardbrief,N\r\n");
}

TEST_CASE("no control files for a profile that names none or a run finished by hand", "[deliver]") {
  TwoPieces two;
  CHECK(control_files(two.run, two.contents, two.inserter, "3F2A9C1D").empty());
  two.inserter.control_files = {ControlFormat::csv, ControlFormat::csv};
  two.run.settings.manual = true;
  CHECK(control_files(two.run, two.contents, two.inserter, "3F2A9C1D").empty());
}

TEST_CASE("a value too wide for its fixed-width column is refused, never cut", "[deliver]") {
  TwoPieces two;
  two.inserter.control_files = {ControlFormat::fixed, std::nullopt};
  two.contents.pieces[1].product = "Warensendung International mit Einschreiben";
  try {
    control_files(two.run, two.contents, two.inserter, "3F2A9C1D");
    FAIL("a 43-character product name went into a 32-character column");
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::input);
    CHECK(describe(error.problems().at(0).where, error.problems().at(0).message) ==
          "document \"3F2A9C1D-R0002-000002\": file \"R0002.pieces.txt\": field \"product\": \"Warensendung "
          "International mit Einschreiben\" does not fit the fixed-width column of 32 ASCII characters");
  }
  two.contents.pieces[1].product = "Lettre à l'étranger";  // no ASCII spelling
  CHECK_THROWS_AS(control_files(two.run, two.contents, two.inserter, "3F2A9C1D"), Error);
  two.contents.pieces[1].product = "Großbrief";
  CHECK(control_files(two.run, two.contents, two.inserter, "3F2A9C1D")[0].bytes.find("Grossbrief ") !=
        std::string::npos);
}

TEST_CASE("a sheets file for a printer's file with a banner sheet has the banner's record first, to divert",
          "[deliver]") {
  TwoPieces two;
  for (const auto format : {ControlFormat::fixed, ControlFormat::csv}) {
    two.inserter.control_files = {std::nullopt, format};
    const auto files = control_files(two.run, two.contents, two.inserter, "3F2A9C1D");
    REQUIRE(files.size() == 1);
    const std::string with_banner = sheets_with_banner(files[0].bytes, format, "3F2A9C1D-R0002");
    if (format == ControlFormat::fixed) {
      CHECK(with_banner == "3F2A9C1D-R0002" + std::string(18, ' ') + "001001" + std::string(24, ' ') + "Y\r\n" +
                               files[0].bytes);
    } else {
      CHECK(with_banner ==
            "piece,sheet,of,feeders,divert\r\n"
            "3F2A9C1D-R0002,1,1,,Y\r\n"
            "3F2A9C1D-R0002-000001,1,2,,N\r\n"
            "3F2A9C1D-R0002-000001,2,2,1 2,N\r\n"
            "3F2A9C1D-R0002-000002,1,1,,N\r\n");
    }
  }
}

}  // namespace kuvert

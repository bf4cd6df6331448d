#include <catch2/catch.hpp>

#include "pipeline/profiles/load_profiles.hpp"
#include "tests/support/scratch_layouts.hpp"

using kuvert::test::load_problems;
using kuvert::test::ScratchLayouts;
using Lines = std::vector<std::string>;
using kuvert::MarkFunction;

namespace {

const std::filesystem::path kShipped = std::filesystem::path(KUVERT_SOURCE_DIR) / "layouts";
const std::string kGeneric = "inserters/generic-omr.toml";

std::string generic(const std::string& field, const std::string& message) {
  return "file \"inserters/generic-omr.toml\": field \"" + field + "\": " + message;
}

}  // namespace

TEST_CASE("generic-omr is exactly the profile DESIGN.md fixes", "[profiles]") {
  const auto catalog = kuvert::load_profiles(kShipped, "2026-01-15");
  const auto& p = catalog.inserters.at("generic-omr");
  CHECK(p.name == "generic-omr");
  CHECK(p.code == kuvert::CodeKind::omr);
  CHECK(p.side == kuvert::SheetSide::front);
  const std::vector<std::pair<MarkFunction, int>> expected = {
      {MarkFunction::start, 0},    {MarkFunction::insert, 0},   {MarkFunction::feeder, 1},
      {MarkFunction::feeder, 2},   {MarkFunction::sequence, 4}, {MarkFunction::sequence, 2},
      {MarkFunction::sequence, 1}, {MarkFunction::parity, 0},   {MarkFunction::safety, 0}};
  REQUIRE(p.positions.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO("position " << i);
    CHECK(p.positions[i].function == expected[i].first);
    const int value = p.positions[i].function == MarkFunction::feeder ? p.positions[i].feeder : p.positions[i].weight;
    CHECK(value == expected[i].second);
  }
  CHECK(p.first_mark_y_mm == 112);
  CHECK(p.pitch_mm == 4.23);
  CHECK(p.bar_x_mm == 191.5);
  CHECK(p.bar_length_mm == 10.5);
  CHECK(p.bar_thickness_mm == 0.5);
  CHECK(p.collation_mark == kuvert::CollationMark::end_of_collation);
  CHECK(p.logic == kuvert::MarkLogic::positive);
  CHECK(p.parity == kuvert::Parity::even);
  CHECK(p.sequence_direction == kuvert::SequenceDirection::up);
  CHECK(p.order == kuvert::CollationOrder::normal);
  CHECK(p.clear_zone.x == 188.5);
  CHECK(p.clear_zone.y == 91.5);
  CHECK(p.clear_zone.width == 16.5);
  CHECK(p.clear_zone.height == 75);
  CHECK(p.letter_forms == std::vector<kuvert::LetterForm>{kuvert::LetterForm::a, kuvert::LetterForm::b});
  CHECK(p.fold_limit_sheets == 8);
  CHECK(p.flat_limit_sheets == 60);
  CHECK(p.folded_envelope == "c6-5");
  CHECK(p.flat_envelope == "c4");
  REQUIRE(p.feeders.size() == 2);
  CHECK(p.feeders[0].name == "feeder-1");
  CHECK(p.feeders[0].station == 1);
  CHECK(p.feeders[1].name == "feeder-2");
  CHECK(p.feeders[1].station == 2);
}

TEST_CASE("the shipped pitney-bowes and datamatrix profiles load", "[profiles]") {
  const auto catalog = kuvert::load_profiles(kShipped, "2026-01-15");
  REQUIRE(catalog.inserters.size() == 3);
  const auto& pb = catalog.inserters.at("pitney-bowes");
  CHECK(pb.positions.front().function == MarkFunction::start);
  CHECK(pb.positions.back().function == MarkFunction::safety);
  CHECK(pb.collation_mark == kuvert::CollationMark::begin_of_collation);
  CHECK(pb.parity == kuvert::Parity::odd);
  CHECK(pb.pitch_mm == 4.233);
  CHECK(pb.feeders.size() == 3);
  CHECK(pb.fold == kuvert::LetterFold::c);
  CHECK(pb.collation == kuvert::SetCollation::reverse);

  const auto& dm = catalog.inserters.at("datamatrix");
  CHECK(dm.code == kuvert::CodeKind::datamatrix);
  CHECK(dm.positions.empty());
  CHECK(dm.code_x_mm == 182);
  CHECK(dm.code_y_mm == 8);
  CHECK(dm.module_mm == 0.5);
  CHECK(dm.clear_zone.x == 180);
  CHECK(dm.clear_zone.y == 6);
  CHECK(dm.feeders.size() == 4);
  CHECK(dm.fold == kuvert::LetterFold::z);
  CHECK(dm.collation == kuvert::SetCollation::reverse);

  const auto& generic = catalog.inserters.at("generic-omr");
  CHECK(generic.fold == kuvert::LetterFold::z);
  CHECK(generic.collation == kuvert::SetCollation::forward);
}

TEST_CASE("a C-fold is refused for a form whose foot panel does not fit inside", "[profiles]") {
  ScratchLayouts layouts;
  layouts.replace(kGeneric, "fold = \"Z\"", "fold = \"C\"");
  // Form A's foot panel (192 to 297 mm) is as long as its middle one; form
  // B's (87 mm) fits inside 105 mm.
  CHECK(load_problems(layouts.root()) ==
        Lines{generic("fold",
                      "a C-fold of DIN 5008 form A tucks its foot panel (105 mm) into a middle panel of "
                      "105 mm; it needs 2 mm less (fold = \"Z\" for this form)")});

  ScratchLayouts unknown;
  unknown.replace(kGeneric, "fold = \"Z\"", "fold = \"V\"");
  unknown.replace(kGeneric, "collation = \"forward\"", "collation = \"backward\"");
  CHECK(load_problems(unknown.root()) ==
        Lines{generic("fold", "\"V\" is neither \"Z\" nor \"C\""),
              generic("collation", "\"backward\" is neither \"forward\" nor \"reverse\"")});
}

TEST_CASE("unknown keys in an inserter profile are errors", "[profiles]") {
  ScratchLayouts layouts;
  layouts.replace(kGeneric, "side = \"front\"", "side = \"front\"\ncolour = \"black\"");
  layouts.replace(kGeneric, "{ function = \"start\" }", "{ function = \"start\", bold = true }");
  layouts.replace(kGeneric, "clear_zone = { x = 188.5,", "clear_zone = { left = 1, x = 188.5,");
  layouts.replace(kGeneric, "station = 2\ninsert", "station = 2\nstaton = 2\ninsert");
  CHECK(load_problems(layouts.root()) ==
        Lines{generic("positions[0].bold", "is not a known field"), generic("clear_zone.left", "is not a known field"),
              generic("feeder[1].staton", "is not a known field"), generic("colour", "is not a known field")});
}

TEST_CASE("a position with an unknown function names the valid ones", "[profiles]") {
  ScratchLayouts layouts;
  layouts.replace(kGeneric, "{ function = \"parity\" }", "{ function = \"parity-bit\" }");
  CHECK(load_problems(layouts.root()) ==
        Lines{generic("positions[7].function",
                      "\"parity-bit\" is not one of \"start\", \"insert\", \"feeder\", \"sequence\", \"parity\", "
                      "\"divert\", \"stop\", \"safety\"")});
}

TEST_CASE("missing and mistyped inserter keys are reported together", "[profiles]") {
  ScratchLayouts layouts;
  layouts.replace(kGeneric, "pitch_mm = 4.23\n", "");
  layouts.replace(kGeneric, "{ function = \"feeder\", station = 2 }", "{ function = \"feeder\" }");
  layouts.replace(kGeneric, "{ function = \"sequence\", weight = 2 }", "{ function = \"sequence\", weight = 3 }");
  layouts.replace(kGeneric, "{ function = \"safety\" }", "{ function = \"safety\", station = 1 }");
  layouts.replace(kGeneric, "bar_thickness_mm = 0.5", "bar_thickness_mm = 0.1");
  layouts.replace(kGeneric, "logic = \"positive\"", "logic = true");
  layouts.replace(kGeneric, "order = \"normal\"", "order = \"forward\"");
  layouts.replace(kGeneric, "fold_limit_sheets = 8", "fold_limit_sheets = 8.5");
  layouts.replace(kGeneric, "insert = \"insert from feeder 1\"\n", "");
  CHECK(load_problems(layouts.root()) ==
        Lines{generic("positions[3].station", "is missing"),
              generic("positions[5].weight", "must be a power of two (1, 2, 4, ...), got 3"),
              generic("positions[8].station", "is only allowed with function \"feeder\""),
              generic("pitch_mm", "is missing"), generic("bar_thickness_mm", "must be at least 0.2, got 0.1"),
              generic("logic", "expected a string, got boolean"),
              generic("order", "\"forward\" is neither \"normal\" nor \"reverse\""),
              generic("fold_limit_sheets", "expected an integer, got floating-point number"),
              generic("feeder[0].insert", "is missing")});
}

TEST_CASE("a missing code leaves the other keys unjudged", "[profiles]") {
  ScratchLayouts layouts;
  layouts.replace(kGeneric, "code = \"omr\"\n", "");
  CHECK(load_problems(layouts.root()) == Lines{generic("code", "is missing")});
}

TEST_CASE("keys of the other code kind are rejected by name", "[profiles]") {
  ScratchLayouts layouts;
  layouts.replace(kGeneric, "side = \"front\"", "side = \"front\"\nmodule_mm = 0.5");
  layouts.replace("inserters/datamatrix.toml", "module_mm = 0.5", "module_mm = 0.5\npitch_mm = 4.23");
  CHECK(load_problems(layouts.root()) ==
        Lines{"file \"inserters/datamatrix.toml\": field \"pitch_mm\": is only allowed with code = \"omr\"",
              generic("module_mm", "is only allowed with code = \"datamatrix\"")});
}

TEST_CASE("positions must fit the feeders and each other", "[profiles]") {
  ScratchLayouts layouts;
  layouts.replace(kGeneric, "{ function = \"start\" },\n  { function = \"insert\" },",
                  "{ function = \"start\" },\n  { function = \"start\" },");
  layouts.replace(kGeneric, "{ function = \"feeder\", station = 2 }", "{ function = \"feeder\", station = 3 }");
  layouts.replace(kGeneric, "{ function = \"sequence\", weight = 2 }", "{ function = \"sequence\", weight = 8 }");
  layouts.replace(kGeneric, "parity = \"even\"", "parity = \"none\"");
  CHECK(load_problems(layouts.root()) ==
        Lines{generic("positions[1].function", "\"start\" is already at positions[0]"),
              generic("positions[3].station", "no [[feeder]] has station 3"),
              generic("positions[7].function", "\"parity\" needs parity = \"even\" or \"odd\""),
              generic("positions", "has no \"insert\" position"),
              generic("positions", "the sequence weights must be 1, 2, 4, ... without gaps, got 1, 4, 8"),
              generic("feeder[1].station",
                      "station 2 has no feeder position in positions, so its insert could never be pulled")});
}

TEST_CASE("even or odd parity needs a parity position", "[profiles]") {
  ScratchLayouts layouts;
  layouts.replace(kGeneric, "  { function = \"parity\" },\n", "");
  CHECK(load_problems(layouts.root()) ==
        Lines{generic("parity", "is \"even\" but no position has function \"parity\"")});
}

TEST_CASE("the marks must lie inside the clear zone and the zone on the sheet", "[profiles]") {
  ScratchLayouts layouts;
  layouts.replace(kGeneric, "clear_zone = { x = 188.5, y = 91.5, width = 16.5, height = 75 }",
                  "clear_zone = { x = 195, y = 91.5, width = 16, height = 50 }");
  CHECK(load_problems(layouts.root()) ==
        Lines{generic("clear_zone", "reaches beyond the A4 sheet (210 x 297 mm)"),
              generic("clear_zone", "does not contain the marks (x 191.5 to 202 mm, y 111.75 to 146.09 mm)"),
              generic("clear_zone",
                      "the clear zone leaves beside the bars -3.5 mm, less than the 3 mm the machine "
                      "needs (DESIGN.md, default inserter profile generic-omr)"),
              generic("clear_zone",
                      "the clear zone leaves below the last bar -4.59 mm, less than the 20 mm the "
                      "machine needs (DESIGN.md, default inserter profile generic-omr)")});
}

TEST_CASE("feeders, limits and envelopes are checked across the profile", "[profiles]") {
  ScratchLayouts layouts;
  layouts.replace(kGeneric, "name = \"feeder-2\"\nstation = 2", "name = \"feeder-1\"\nstation = 1");
  layouts.replace(kGeneric, "flat_limit_sheets = 60", "flat_limit_sheets = 6");
  layouts.replace(kGeneric, "folded_envelope = \"c6-5\"", "folded_envelope = \"c7\"");
  CHECK(load_problems(layouts.root()) ==
        Lines{generic("positions[3].station", "no [[feeder]] has station 2"),
              generic("feeder[1].name", "\"feeder-1\" is already at feeder[0]"),
              generic("feeder[1].station", "station 1 is already at feeder[0]"),
              generic("flat_limit_sheets", "must be at least fold_limit_sheets (8), got 6"),
              generic("folded_envelope", "\"c7\" is not in envelopes.toml")});
}

TEST_CASE("a datamatrix code needs its quiet zone inside the clear zone", "[profiles]") {
  ScratchLayouts layouts;
  layouts.replace("inserters/datamatrix.toml", "code_x_mm = 182", "code_x_mm = 180.2");
  layouts.replace("inserters/datamatrix.toml", "code_y_mm = 8", "code_y_mm = 20");
  CHECK(load_problems(layouts.root()) ==
        Lines{"file \"inserters/datamatrix.toml\": field \"clear_zone\": leaves less than one module (0.5 mm) of "
              "quiet zone left of or above the code",
              "file \"inserters/datamatrix.toml\": field \"clear_zone\": has no room for a 10 x 10 module code and "
              "its quiet zone at (code_x_mm, code_y_mm)"});
}

TEST_CASE("a feeder the OMR code has no position for is an error", "[profiles]") {
  ScratchLayouts layouts;
  layouts.write(kGeneric, layouts.read(kGeneric) +
                              "\n[[feeder]]\nname = \"feeder-3\"\nstation = 3\ninsert = \"SEPA mandate\"\n"
                              "weight_g = 5.0\nthickness_mm = 0.1\n");
  CHECK(load_problems(layouts.root()) ==
        Lines{generic("feeder[2].station",
                      "station 3 has no feeder position in positions, so its insert could never be pulled")});
}

TEST_CASE("marks within 5 mm of a fold of the profile's letter forms are refused", "[profiles]") {
  ScratchLayouts layouts;
  // The first version's bars: from 99.75 mm, across the form-B fold at 105 mm.
  layouts.replace(kGeneric, "first_mark_y_mm = 112", "first_mark_y_mm = 100");
  layouts.replace(kGeneric, "clear_zone = { x = 188.5, y = 91.5, width = 16.5, height = 75 }",
                  "clear_zone = { x = 188.5, y = 79.5, width = 16.5, height = 75 }");
  CHECK(load_problems(layouts.root()) ==
        Lines{generic("letter_forms",
                      "the marks (y 99.75 to 134.09 mm) come within 5 mm of the fold at 105 mm of DIN "
                      "5008 form B; a mark on a fold misreads")});

  // pitney-bowes's bars end 3.4 mm above form A's fold at 192 mm.
  ScratchLayouts pitney;
  pitney.replace("inserters/pitney-bowes.toml", "letter_forms = [\"B\"]", "letter_forms = [\"A\", \"B\"]");
  CHECK(load_problems(pitney.root()) ==
        Lines{"file \"inserters/pitney-bowes.toml\": field \"letter_forms\": the marks (y 145.75 to 188.58 mm) come "
              "within 5 mm of the fold at 192 mm of DIN 5008 form A; a mark on a fold misreads",
              "file \"inserters/pitney-bowes.toml\": field \"fold\": a C-fold of DIN 5008 form A tucks its foot "
              "panel (105 mm) into a middle panel of 105 mm; it needs 2 mm less (fold = \"Z\" for this form)"});

  ScratchLayouts unknown;
  unknown.replace(kGeneric, "letter_forms = [\"A\", \"B\"]", "letter_forms = [\"C\"]");
  CHECK(load_problems(unknown.root()) ==
        Lines{generic("letter_forms", "\"C\" is no DIN 5008 form (expected \"A\" or \"B\")"),
              generic("letter_forms", "names no form")});
}

TEST_CASE("marks are checked against the machine's documented limits", "[profiles]") {
  ScratchLayouts layouts;
  // The first version's bars: 10 mm long, ending 7 mm from the edge.
  layouts.replace(kGeneric, "bar_x_mm = 191.5", "bar_x_mm = 193");
  layouts.replace(kGeneric, "bar_length_mm = 10.5", "bar_length_mm = 10");
  const std::string source = " (DESIGN.md, default inserter profile generic-omr)";
  CHECK(load_problems(layouts.root()) ==
        Lines{generic("bar_length_mm", "the bars are 10 mm, less than the 10.5 mm the machine needs" + source),
              generic("bar_x_mm", "the bars end 7 mm, less than the 8 mm the machine needs" + source),
              generic("clear_zone",
                      "the clear zone leaves beside the bars 2 mm, less than the 3 mm the machine needs" + source)});
}

TEST_CASE("control files are csv or fixed, and fixed ones must hold the profile's names", "[profiles]") {
  const auto shipped = kuvert::load_profiles(kShipped, "2026-01-15");
  CHECK(shipped.inserters.at("pitney-bowes").control_files.pieces == kuvert::ControlFormat::fixed);
  CHECK(shipped.inserters.at("datamatrix").control_files.sheets == kuvert::ControlFormat::fixed);
  CHECK(shipped.inserters.at("generic-omr").control_files.pieces == kuvert::ControlFormat::csv);

  ScratchLayouts layouts;
  layouts.replace(kGeneric, "pieces = \"csv\"", "pieces = \"xml\"");
  layouts.replace(kGeneric, "sheets = \"csv\"", "sheets = \"csv\"\nlabels = \"csv\"");
  CHECK(load_problems(layouts.root()) ==
        Lines{generic("control_files.pieces", "\"xml\" is neither \"csv\" nor \"fixed\""),
              generic("control_files.labels", "is not a known field")});

  ScratchLayouts long_names;
  long_names.replace("tariffs/deutsche-post-2025.toml", "name = \"Großbrief\"",
                     "name = \"Großbrief mit Zusatzleistung Einschreiben Rückschein\"");
  CHECK(load_problems(long_names.root()) ==
        Lines{"file \"inserters/pitney-bowes.toml\": field \"control_files.pieces\": is \"fixed\", but the postage "
              "product \"Großbrief mit Zusatzleistung Einschreiben Rückschein\" (Deutsche Post 2025) does not fit its "
              "column of 32 ASCII characters"});
}

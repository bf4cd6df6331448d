#include "pipeline/plan/consolidate.hpp"

#include <catch2/catch.hpp>

#include "pipeline/model/error.hpp"
#include "pipeline/plan/test_catalog.hpp"

using namespace kuvert;
using namespace kuvert::plan_test;

using Indices = std::vector<std::size_t>;
using Names = std::vector<std::string>;

TEST_CASE("documents to one recipient spelt differently share a piece", "[plan][consolidate]") {
  JobBuilder builder;
  builder.add("D1", 2, erika())
      .add("D2", 1, recipient({"Herr", "Max Muster"}, "Ring 1", "10115", "Berlin"))
      .add("D3", 3, recipient({"FRAU", "Erika  Mustermann"}, "Hauptstr. 5", "39104", "MAGDEBURG"))
      .add("D4", 1, recipient({"Frau Erika Mustermann"}, "Hauptstrasse 5", "391 04", "Magdeburg"));
  const auto pieces = consolidate(builder.job(), catalog());
  REQUIRE(pieces.size() == 2);
  CHECK(pieces[0].documents == Indices{0, 2, 3});
  CHECK(pieces[0].recipient().street == "Hauptstraße 5");  // the first document's spelling
  CHECK(pieces[0].lead == &builder.job().documents[0]);
  CHECK(pieces[1].documents == Indices{1});
  CHECK(pieces[1].recipient().postcode == "10115");
}

TEST_CASE("sensitive documents and those that forbid consolidation travel alone", "[plan][consolidate]") {
  ProductionSettings sensitive;
  sensitive.sensitive = true;
  ProductionSettings alone;
  alone.consolidate = false;
  JobBuilder builder;
  builder.add("D1", 1, erika())
      .add("D2", 1, erika(), sensitive)
      .add("D3", 1, erika(), alone)
      .add("D4", 1, erika())
      .add("D5", 1, erika(), sensitive);
  const auto pieces = consolidate(builder.job(), catalog());
  REQUIRE(pieces.size() == 4);
  CHECK(pieces[0].documents == Indices{0, 3});
  CHECK(pieces[1].documents == Indices{1});
  CHECK(pieces[1].settings().sensitive);
  CHECK(pieces[2].documents == Indices{2});
  CHECK(pieces[3].documents == Indices{4});
}

TEST_CASE("documents with different production settings are not merged", "[plan][consolidate]") {
  ProductionSettings flat;
  flat.envelope = "c4";
  ProductionSettings other_paper;
  other_paper.paper = "a4-100";
  JobBuilder builder;
  builder.add("D1", 1, erika())
      .add("D2", 1, erika(), simplex())
      .add("D3", 1, erika(), flat)
      .add("D4", 1, erika(), other_paper)
      .add("D5", 1, erika(), simplex());
  const auto pieces = consolidate(builder.job(), catalog());
  REQUIRE(pieces.size() == 4);
  CHECK(pieces[0].documents == Indices{0});
  CHECK(pieces[1].documents == Indices{1, 4});
  CHECK(pieces[1].settings().sides == Sides::simplex);
  CHECK(pieces[2].documents == Indices{2});
  CHECK(pieces[3].documents == Indices{3});
}

TEST_CASE("different house numbers are different recipients", "[plan][consolidate]") {
  JobBuilder builder;
  builder.add("D1", 1, recipient({"Erika Mustermann"}, "Hauptstraße 5-7", "39104", "Magdeburg"))
      .add("D2", 1, recipient({"Erika Mustermann"}, "Hauptstraße 57", "39104", "Magdeburg"))
      .add("D3", 1, recipient({"Erika Mustermann"}, "Hauptstraße 5", "39104", "Magdeburg"));
  CHECK(consolidate(builder.job(), catalog()).size() == 3);
}

TEST_CASE("a merged piece takes the union of inserts in feeder order", "[plan][consolidate]") {
  JobBuilder builder;
  builder.add("D1", 1, erika(), with_inserts({"feeder-2"}))
      .add("D2", 1, erika(), with_inserts({"feeder-2", "feeder-1"}))
      .add("D3", 1, at_postcode("10115"), with_inserts({"feeder-2", "feeder-1", "feeder-2"}));
  const auto pieces = consolidate(builder.job(), catalog());
  REQUIRE(pieces.size() == 2);
  CHECK(pieces[0].documents == Indices{0, 1});
  CHECK(pieces[0].inserts == Names{"feeder-1", "feeder-2"});
  CHECK(pieces[1].inserts == Names{"feeder-1", "feeder-2"});
}

TEST_CASE("consolidate reports an inserter or feeder missing from the catalogue as internal", "[plan][consolidate]") {
  ProductionSettings unknown_inserter;
  unknown_inserter.inserter = "nope";
  JobBuilder builder;
  builder.add("D1", 1, erika(), unknown_inserter);
  try {
    consolidate(builder.job(), catalog());
    FAIL("no error thrown");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::internal);
    CHECK(std::string(e.what()) ==
          "job \"test-job\": document \"D1\": field \"inserter\": "
          "inserter profile \"nope\" is not in the profile catalogue");
  }

  JobBuilder feeders;
  feeders.add("D1", 1, erika(), with_inserts({"feeder-9"}));
  try {
    consolidate(feeders.job(), catalog());
    FAIL("no error thrown");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::internal);
    CHECK(std::string(e.what()) ==
          "job \"test-job\": document \"D1\": field \"inserts\": "
          "inserter \"generic-omr\" has no feeder station \"feeder-9\"");
  }
}

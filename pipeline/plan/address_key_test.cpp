#include "pipeline/plan/address_key.hpp"

#include <catch2/catch.hpp>

#include "pipeline/plan/test_catalog.hpp"

using namespace kuvert;
using plan_test::recipient;

TEST_CASE("fold_text lowers case including umlauts and collapses whitespace", "[plan][address_key]") {
  CHECK(fold_text("  Frau \t ERIKA   Mustermann ") == "frau erika mustermann");
  CHECK(fold_text("ÄÖÜ äöü ẞ ß") == "äöü äöü ß ß");
  CHECK(fold_text("JÜRGEN MÜLLER") == fold_text("Jürgen Müller"));
  CHECK(fold_text("ÉLODIE ŁUKASZ ŽÁK") == "élodie łukasz žák");
  CHECK(fold_text("") == "");
}

TEST_CASE("fold_text turns punctuation into word breaks", "[plan][address_key]") {
  CHECK(fold_text("Dr. med. Müller-Lüdenscheidt") == "dr med müller lüdenscheidt");
  CHECK(fold_text("Dr med Müller Lüdenscheidt") == "dr med müller lüdenscheidt");
  CHECK(fold_text("\"Schmidt\", Anna.") == "schmidt anna");
  // House numbers stay apart: "5-7" is not "57".
  CHECK(fold_text("5-7") == "5 7");
  CHECK(fold_text("5-7") != fold_text("57"));
}

TEST_CASE("fold_text keeps bytes that are not UTF-8", "[plan][address_key]") {
  CHECK(fold_text("M\xFCller") == "m\xFCller");
}

TEST_CASE("fold_street spells every Strasse as straße", "[plan][address_key]") {
  CHECK(fold_street("Hauptstraße 5") == "hauptstraße 5");
  CHECK(fold_street("Hauptstr. 5") == "hauptstraße 5");
  CHECK(fold_street("Hauptstr.5") == "hauptstraße 5");
  CHECK(fold_street("Hauptstr 5") == "hauptstraße 5");
  CHECK(fold_street("HAUPTSTRASSE 5") == "hauptstraße 5");
  CHECK(fold_street("Lange Str. 12a") == "lange straße 12a");
  CHECK(fold_street("Am Strand 3") == "am strand 3");
  CHECK(fold_street("") == "");
}

TEST_CASE("address_key matches differently spelt forms of one recipient", "[plan][address_key]") {
  const auto a =
      address_key("musterstadt", recipient({"Frau", "Erika Mustermann"}, "Hauptstraße 5", "39104", "Magdeburg"));
  const auto b =
      address_key("musterstadt", recipient({"FRAU", " Erika  Mustermann"}, "Hauptstr. 5", "391 04", "MAGDEBURG"));
  const auto c =
      address_key("musterstadt", recipient({"Frau Erika Mustermann"}, "Hauptstrasse 5", "39104", "Magdeburg"));
  CHECK(a == b);
  CHECK(a == c);
  CHECK(a.name == "frau erika mustermann");
  CHECK(a.street == "hauptstraße 5");
  CHECK(a.postcode == "39104");
  CHECK(a.city == "magdeburg");
  CHECK(a.country == "de");
}

TEST_CASE("address_key keeps different recipients and clients apart", "[plan][address_key]") {
  const auto erika = recipient({"Frau", "Erika Mustermann"}, "Hauptstraße 5", "39104", "Magdeburg");
  const auto key = address_key("musterstadt", erika);
  CHECK(key != address_key("nachbarstadt", erika));
  auto other = erika;
  other.street = "Hauptstraße 6";
  CHECK(key != address_key("musterstadt", other));
  other = erika;
  other.name = {"Herr", "Max Mustermann"};
  CHECK(key != address_key("musterstadt", other));
  other = erika;
  other.postcode = "39106";
  CHECK(key != address_key("musterstadt", other));
  other = erika;
  other.country = "AT";
  CHECK(key != address_key("musterstadt", other));
}

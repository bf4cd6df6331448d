#include "stages/ingest/address_key.hpp"

#include <catch2/catch.hpp>

using namespace kuvert;

namespace {

Recipient recipient(std::vector<std::string> name, std::string street, std::string postcode, std::string city,
                    std::string country = "DE") {
  return Recipient{std::move(name), std::move(street), std::move(postcode), std::move(city), std::move(country)};
}

}  // namespace

TEST_CASE("fold_text lowers case including umlauts and collapses whitespace", "[ingest][address_key]") {
  CHECK(fold_text("  Frau \t ERIKA   Mustermann ") == "frau erika mustermann");
  CHECK(fold_text("ÄÖÜ äöü ẞ ß") == "äöü äöü ß ß");
  CHECK(fold_text("JÜRGEN MÜLLER") == fold_text("Jürgen Müller"));
  CHECK(fold_text("ÉLODIE ŁUKASZ ŽÁK") == "élodie łukasz žák");
  CHECK(fold_text("") == "");
}

TEST_CASE("fold_text turns punctuation into word breaks", "[ingest][address_key]") {
  CHECK(fold_text("Dr. med. Müller-Lüdenscheidt") == "dr med müller lüdenscheidt");
  CHECK(fold_text("Dr med Müller Lüdenscheidt") == "dr med müller lüdenscheidt");
  CHECK(fold_text("\"Schmidt\", Anna.") == "schmidt anna");
  // House numbers stay apart: "5-7" is not "57".
  CHECK(fold_text("5-7") == "5 7");
  CHECK(fold_text("5-7") != fold_text("57"));
}

TEST_CASE("fold_text keeps bytes that are not UTF-8", "[ingest][address_key]") {
  CHECK(fold_text("M\xFCller") == "m\xFCller");
}

TEST_CASE("fold_street spells every Strasse as straße", "[ingest][address_key]") {
  CHECK(fold_street("Hauptstraße 5") == "hauptstraße 5");
  CHECK(fold_street("Hauptstr. 5") == "hauptstraße 5");
  CHECK(fold_street("Hauptstr.5") == "hauptstraße 5");
  CHECK(fold_street("Hauptstr 5") == "hauptstraße 5");
  CHECK(fold_street("HAUPTSTRASSE 5") == "hauptstraße 5");
  CHECK(fold_street("Lange Str. 12a") == "lange straße 12a");
  CHECK(fold_street("Am Strand 3") == "am strand 3");
  CHECK(fold_street("") == "");
}

TEST_CASE("address_key matches differently spelt forms of one recipient", "[ingest][address_key]") {
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

TEST_CASE("address_key keeps different recipients and clients apart", "[ingest][address_key]") {
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

TEST_CASE("recipient_key digests equal keys alike and different keys apart", "[ingest][address_key]") {
  const auto erika = recipient({"Frau", "Erika Mustermann"}, "Hauptstraße 5", "39104", "Magdeburg");
  const auto spelt = recipient({"FRAU", "Erika  Mustermann"}, "Hauptstr. 5", "391 04", "MAGDEBURG");
  const auto key = recipient_key("musterstadt", erika);
  CHECK(key.address == recipient_key("musterstadt", spelt).address);
  CHECK(key.address != recipient_key("nachbarstadt", erika).address);
  auto neighbour = erika;
  neighbour.street = "Hauptstraße 5-7";
  CHECK(key.address != recipient_key("musterstadt", neighbour).address);
  // The same bytes split differently between fields are different keys.
  CHECK(recipient_key("ab", recipient({"c"}, "s", "39104", "x")).address !=
        recipient_key("a", recipient({"bc"}, "s", "39104", "x")).address);
}

TEST_CASE("recipient_key sorts domestic mail by postcode and foreign mail after it by country", "[ingest][address_key]") {
  const auto magdeburg = recipient_key("m", recipient({"A"}, "s", "39104", "Magdeburg"));
  const auto dresden = recipient_key("m", recipient({"A"}, "s", "01067", "Dresden"));
  const auto wien = recipient_key("m", recipient({"A"}, "s", "1010", "Wien", "AT"));
  const auto zurich = recipient_key("m", recipient({"A"}, "s", "8001", "Zürich", "CH"));
  const auto linz = recipient_key("m", recipient({"A"}, "s", "4020", "Linz", "AT"));
  CHECK(magdeburg.domestic());
  CHECK_FALSE(wien.domestic());
  CHECK(magdeburg.leitregion() == "39");
  CHECK(wien.leitregion().empty());
  CHECK(dresden.presort < magdeburg.presort);
  CHECK(magdeburg.presort < wien.presort);
  CHECK(wien.presort < linz.presort);
  CHECK(linz.presort < zurich.presort);
  // Bytes compare unsigned, as the UTF-8 text does: "Ä" after "B".
  const auto a_umlaut = recipient_key("m", recipient({"A"}, "s", "Ä-100", "X", "AT"));
  const auto b = recipient_key("m", recipient({"A"}, "s", "B-100", "X", "AT"));
  CHECK(b.presort < a_umlaut.presort);
}

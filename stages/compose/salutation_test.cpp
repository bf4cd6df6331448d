#include "stages/compose/salutation.hpp"

#include <catch2/catch.hpp>

#include "pipeline/profiles/load_fonts.hpp"
#include "pipeline/profiles/load_letters.hpp"

namespace kuvert::compose {
namespace {

// The rules of the shipped property-tax layout and layouts/names.toml.
const SalutationRules& shipped() {
  static const SalutationRules rules = [] {
    const std::filesystem::path source(KUVERT_SOURCE_DIR);
    const auto layout = load_letter_layout(source / "layouts", "grundsteuer", load_fonts(source / "fonts"));
    REQUIRE(layout.salutation_rules);
    return *layout.salutation_rules;
  }();
  return rules;
}

std::string greeting(const std::vector<std::string>& name) { return salutation_for(shipped(), name); }

TEST_CASE("a salutation greets a woman or a man by surname, titles kept", "[compose][salutation]") {
  CHECK(greeting({"Frau", "Anna Schäfer"}) == "Sehr geehrte Frau Schäfer,");
  CHECK(greeting({"Herrn", "Mehmet Öztürk"}) == "Sehr geehrter Herr Öztürk,");
  CHECK(greeting({"Herr Mehmet Öztürk", "c/o Familie Yılmaz"}) == "Sehr geehrter Herr Öztürk,");
  CHECK(greeting({"Frau Dr. Erika Süß"}) == "Sehr geehrte Frau Dr. Süß,");
  CHECK(greeting({"Herrn", "Prof. Dr. med. Hans-Peter Müller-Lüdenscheidt"}) ==
        "Sehr geehrter Herr Prof. Dr. Müller-Lüdenscheidt,");
  CHECK(greeting({"FRAU", "ERIKA MUSTERMANN"}) == "Sehr geehrte Frau MUSTERMANN,");
  CHECK(greeting({"Herrn Rechtsanwalt Dr. Konstantin Vorlage"}) == "Sehr geehrter Herr Dr. Vorlage,");
}

TEST_CASE("a salutation keeps nobility particles and reads \"surname, first name\"", "[compose][salutation]") {
  CHECK(greeting({"Frau", "Dr. Adelheid Freifrau von und zu Musterstein-Beispielsfelde"}) ==
        "Sehr geehrte Frau Dr. Freifrau von und zu Musterstein-Beispielsfelde,");
  CHECK(greeting({"Herrn Jan van der Berg"}) == "Sehr geehrter Herr van der Berg,");
  CHECK(greeting({"Frau von Bülow"}) == "Sehr geehrte Frau von Bülow,");
  CHECK(greeting({"Herrn Müller, Hans"}) == "Sehr geehrter Herr Müller,");
  CHECK(greeting({"Frau", "Süß, Dr. Erika"}) == "Sehr geehrte Frau Dr. Süß,");
}

TEST_CASE("a salutation greets couples and families by their own rules", "[compose][salutation]") {
  CHECK(greeting({"Herrn und Frau", "Klaus Weber"}) == "Sehr geehrte Frau Weber, sehr geehrter Herr Weber,");
  CHECK(greeting({"Eheleute Klaus und Maria Weber"}) == "Sehr geehrte Frau Weber, sehr geehrter Herr Weber,");
  CHECK(greeting({"Familie Yılmaz"}) == "Sehr geehrte Familie Yılmaz,");
}

TEST_CASE("a salutation falls back for companies, heirs and what it cannot read", "[compose][salutation]") {
  const std::string fallback = "Sehr geehrte Damen und Herren,";
  CHECK(greeting({"Beispielhafte Grundstücksverwaltungsgesellschaft mbH & Co. KG", "z. Hd. Frau Platzhalter"}) ==
        fallback);
  CHECK(greeting({"Erbengemeinschaft nach Wilhelmine Musterfrau", "vertreten durch Herrn Dr. Vorlage"}) == fallback);
  CHECK(greeting({"Frauenverein Musterstadt e. V."}) == fallback);  // "Frau" opens no word of it
  CHECK(greeting({"Herrn Hans und Frau Maria Müller"}) == fallback);  // two people, no rule for them
  CHECK(greeting({"Frau"}) == fallback);                             // no name follows
  CHECK(greeting({"Herrn Dr."}) == fallback);                        // titles, but no surname
  CHECK(greeting({}) == fallback);
}

TEST_CASE("a salutation reads the name line the rules name", "[compose][salutation]") {
  SalutationRules rules = shipped();
  rules.line = 2;
  CHECK(salutation_for(rules, {"Stadtwerke Musterstadt GmbH", "Frau Dr. Erika Süß"}) == "Sehr geehrte Frau Dr. Süß,");
  CHECK(salutation_for(rules, {"Frau Dr. Erika Süß"}) == "Sehr geehrte Damen und Herren,");
}

}  // namespace
}  // namespace kuvert::compose

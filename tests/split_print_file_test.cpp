// A print file without its index split by its pages' own text: the split
// of a generated print file gives back the job.json it was generated
// with, document by document, recipient line by line.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <variant>

#include "pipeline/profiles/load_letters.hpp"
#include "pipeline/profiles/load_split_profile.hpp"
#include "stages/split/address_lines.hpp"
#include "stages/split/document_split.hpp"
#include "tests/support/kuvert_job.hpp"
#include "tests/support/temp_folder.hpp"
#include "tools/sample_job/sample_job.hpp"

using namespace kuvert;
using nlohmann::json;

TEST_CASE("A generated print file split by its own text gives back the index it was made with", "[split][e2e]") {
  test::TempFolder temp;
  SampleJobOptions options;
  options.documents = 80;  // 1 to 5 pages each, some abroad, some to one recipient
  options.foreign_share = 0.15;
  options.seed = 11;
  write_sample_job(temp.path() / "job", options);
  const auto index = json::parse(std::ifstream(temp.path() / "job" / "job.json"))["documents"];
  const split::AddressConventions countries{load_country_names(test::source_dir() / "layouts"),
                                            load_postcode_forms(test::source_dir() / "layouts")};

  // The sample print files' own marks: "Seite 2 von 3" at the foot, the
  // Kassenzeichen in the information block, the address in form B's field.
  const auto profile = load_split_profile(test::source_dir() / "layouts", "musterstadt-abgaben");
  split::DocumentSplitter splitter(profile, "spool.pdf");
  const split::PrintFileText text(temp.path() / "job" / "spool.pdf", "spool.pdf");
  for (std::uint32_t page = 1; page <= text.pages(); ++page) splitter.add(text.page(page));
  const auto outcome = std::move(splitter).finish();
  CHECK(outcome.problems.empty());
  REQUIRE(outcome.documents.size() == index.size());
  std::size_t abroad = 0;
  for (std::size_t i = 0; i < index.size(); ++i) {
    const auto& document = outcome.documents[i];
    INFO(index[i].dump());
    CHECK(document.fields.at("kassenzeichen") == index[i]["id"]);
    CHECK(std::to_string(document.first_page) + "-" + std::to_string(document.first_page + document.pages - 1) ==
          index[i]["pages"]);
    const auto recipient = split::recipient_of(document.recipient_lines, countries);
    REQUIRE(std::holds_alternative<Recipient>(recipient));
    const auto& found = std::get<Recipient>(recipient);
    CHECK(found.name == index[i]["recipient"]["name"].get<std::vector<std::string>>());
    CHECK(found.street == index[i]["recipient"]["street"]);
    CHECK(found.postcode == index[i]["recipient"]["postcode"]);
    CHECK(found.city == index[i]["recipient"]["city"]);
    CHECK(found.country == index[i]["recipient"]["country"]);
    abroad += found.domestic() ? 0 : 1;
  }
  CHECK(abroad > 3);
}

TEST_CASE("Address lines are taken apart as DIN 5008 sets them, at home and abroad", "[split]") {
  const split::AddressConventions countries{{{"AT", "ÖSTERREICH"}, {"FR", "FRANKREICH"}, {"NL", "NIEDERLANDE"}},
                                            {{"NL", "\\d{4} [A-Z]{2}"}}};
  const auto at_home = std::get<Recipient>(split::recipient_of(
      {"Frau", "Dr. Erika Muster", "c/o Beispiel GmbH", "Hauptstr. 1", "06108 Halle (Saale)"}, countries));
  CHECK(at_home.name == std::vector<std::string>{"Frau", "Dr. Erika Muster", "c/o Beispiel GmbH"});
  CHECK(at_home.street == "Hauptstr. 1");
  CHECK(at_home.postcode == "06108");
  CHECK(at_home.city == "Halle (Saale)");
  CHECK(at_home.country == "DE");
  const auto abroad = std::get<Recipient>(
      split::recipient_of({"Herrn", "Jean Exemple", "12 rue de la Paix", "75002 PARIS", "FRANKREICH"}, countries));
  CHECK(abroad.country == "FR");
  CHECK(abroad.postcode == "75002");
  CHECK(abroad.city == "PARIS");
  // A postcode of two words, as the country writes it.
  const auto dutch = std::get<Recipient>(split::recipient_of(
      {"Frau", "Sophie Schablone", "Rosenstraße 62", "1012 AB AMSTERDAM", "NIEDERLANDE"}, countries));
  CHECK(dutch.postcode == "1012 AB");
  CHECK(dutch.city == "AMSTERDAM");
  CHECK(std::get<std::string>(split::recipient_of({"Herrn", "Max Muster", "Hauptstr. 1", "Halle"}, countries)) ==
        "the town line \"Halle\" does not begin with a five-digit postcode");
  CHECK(std::get<std::string>(split::recipient_of({"Max Muster", "06108 Halle"}, countries)) ==
        "the address has 2 lines: a name, a street and a town are needed");
}

#include "pipeline/profiles/load_split_profile.hpp"

#include <catch2/catch.hpp>

#include "pipeline/profiles/load_letters.hpp"
#include "tests/support/kuvert_job.hpp"
#include "tests/support/scratch_layouts.hpp"

using namespace kuvert;

TEST_CASE("The shipped split profile loads", "[split][profiles]") {
  const auto profile = load_split_profile(test::source_dir() / "layouts", "musterstadt-abgaben");
  REQUIRE(profile.starts.size() == 1);
  CHECK(profile.starts[0].kind == DocumentStart::Kind::page_counter);
  REQUIRE(profile.counters.size() == 1);
  CHECK(profile.counters[0].region.y == 280);
  CHECK(profile.address_form == LetterForm::b);
  REQUIRE(profile.fields.size() == 1);
  CHECK(profile.fields[0].required);
  CHECK(profile.id_field == "kassenzeichen");
}

TEST_CASE("A split profile's mistakes are listed at once, each with its key", "[split][profiles]") {
  test::ScratchLayouts layouts;
  layouts.write("splits/falsch.toml", R"toml(id = "aktenzeichen"
match = "meist"
[[start]]
rule = "field_change"
field = "kassenzeichen"
[[start]]
rule = "page_counter"
[[start]]
rule = "text"
text = "Bescheid"
region = { x = 20, y = 300, width = 100, height = 10 }
[recipient]
form = "C"
[[field]]
name = "kassenzeichen"
pattern = "Kassenzeichen: ("
region = { x = 150, y = 40, width = 90, height = 30 }
[[field]]
name = "beilage"
pattern = "Anlage: (.+)"
region = { x = 20, y = 190, width = 170, height = 20 }
sets = "beilagen"
[[field]]
name = "vermerk"
pattern = "Vertraulich"
region = { x = 20, y = 50, width = 90, height = 10 }
sets = "sensitive"
values = { "Vertraulich" = "ja" }
[[field]]
name = "papier"
pattern = "Papier (\\S+)"
region = { x = 20, y = 50, width = 90, height = 10 }
values = { "grau" = "recycling-80" }
[job]
clinet = "musterstadt"
)toml");
  try {
    load_split_profile(layouts.root(), "falsch");
    FAIL("loaded");
  } catch (const Error& error) {
    const std::string text = error.what();
    INFO(text);
    CHECK(text.find("field \"match\"") != std::string::npos);
    CHECK(text.find("field \"start[2].region.y\"") != std::string::npos);
    CHECK(text.find("field \"field[0].region\": runs off the A4 sheet: it reaches x 240 mm and y 70 mm, the sheet "
                    "210 by 297 mm") != std::string::npos);
    CHECK(text.find("field \"recipient.form\"") != std::string::npos);
    CHECK(text.find("\"Kassenzeichen: (\" is no regular expression") != std::string::npos);
    CHECK(text.find("field_change needs \"kassenzeichen\" read on every page") != std::string::npos);
    CHECK(text.find("page_counter needs a [page_counter] table") != std::string::npos);
    CHECK(text.find("\"aktenzeichen\" is no field the profile reads") != std::string::npos);
    CHECK(text.find("field \"job.client\": is missing") != std::string::npos);
    CHECK(text.find("field \"job.clinet\": is not a key of job.json") != std::string::npos);
    CHECK(text.find("field \"field[1].sets\"") != std::string::npos);
    CHECK(text.find("field \"field[2].values.Vertraulich\": expected \"true\" or \"false\"") != std::string::npos);
    CHECK(text.find("field \"field[3].values\": needs sets = ") != std::string::npos);
  }
  layouts.write("splits/zaehler.toml", R"([[start]]
rule = "page_counter"
[page_counter]
pattern = "Seite \\d+"
region = { x = 20, y = 280, width = 170, height = 10 }
[recipient]
form = "A"
)");
  CHECK_THROWS_WITH(load_split_profile(layouts.root(), "zaehler"),
                    Catch::Contains("needs 2 groups in parentheses: the page's number and the document's pages"));
  CHECK_THROWS_WITH(load_split_profile(layouts.root(), "zaehler"),
                    Catch::Contains("field \"job\": is missing: job.json's client"));
}

TEST_CASE("A postcode form under no country code is refused", "[split][profiles]") {
  test::ScratchLayouts layouts;
  layouts.write("postcodes.toml", "NL = '\\d{4} [A-Z]{2}'\nHolland = '\\d{4}'\n");
  CHECK_THROWS_WITH(load_postcode_forms(layouts.root()),
                    Catch::Contains("field \"Holland\": is no ISO 3166 country code (two capital letters"));
}

#include "pipeline/profiles/load_letters.hpp"

#include <catch2/catch.hpp>

#include "pipeline/profiles/load_fonts.hpp"
#include "tests/support/scratch_layouts.hpp"

namespace kuvert {
namespace {

using test::ScratchLayouts;

const FontCatalog& fonts() {
  static const FontCatalog catalog = load_fonts(std::filesystem::path(KUVERT_SOURCE_DIR) / "fonts");
  return catalog;
}

// What loading the layout reports, one describe()d line per problem.
std::vector<std::string> layout_problems(const ScratchLayouts& layouts, const std::string& name) {
  try {
    load_letter_layout(layouts.root(), name, fonts());
  } catch (const Error& error) {
    std::vector<std::string> lines;
    for (const auto& problem : error.problems()) lines.push_back(describe(problem.where, problem.message));
    return lines;
  }
  return {};
}

TEST_CASE("the shipped letter layouts and clients load", "[profiles][letters]") {
  const auto root = std::filesystem::path(KUVERT_SOURCE_DIR) / "layouts";
  const LetterLayout tax = load_letter_layout(root, "grundsteuer", fonts());
  CHECK(tax.form == LetterForm::b);
  CHECK_FALSE(tax.sensitive);
  REQUIRE(tax.table);
  CHECK(tax.table->rows == "items");
  CHECK(tax.table->columns.size() == 4);
  CHECK(tax.table->columns[3].align == Align::right);
  REQUIRE(tax.fields.find("items"));
  CHECK(tax.fields.find("items")->items.size() == 4);
  CHECK(tax.fields.find("iban")->optional);
  CHECK(tax.body.size() == 5);
  CHECK(tax.body[3].unless == "iban");

  const LetterLayout pay = load_letter_layout(root, "bezuege", fonts());
  CHECK(pay.form == LetterForm::a);
  CHECK(pay.sensitive);
  CHECK(pay.fields.find("period")->type == FieldType::period);

  const auto clients = load_clients(root);
  REQUIRE(clients.count("musterstadt"));
  CHECK(clients.at("musterstadt").name == "Stadt Musterstadt");
  CHECK(clients.at("musterstadt").bank.size() == 3);
}

TEST_CASE("a letter layout that does not exist is reported as missing", "[profiles][letters]") {
  const ScratchLayouts layouts;
  CHECK(layout_problems(layouts, "mahnung") == std::vector<std::string>{"file \"letters/mahnung.toml\": is missing"});
}

TEST_CASE("a letter layout's problems are all reported at once", "[profiles][letters]") {
  const ScratchLayouts layouts;
  const std::string file = "letters/grundsteuer.toml";
  layouts.replace(file, "bold_font = \"sans-bold\"", "bold_font = \"comic\"");
  layouts.replace(file, "value = \"{reference}\"", "value = \"{referenz}\"");
  layouts.replace(file, "subject = \"Bescheid über Grundsteuer für das Kalenderjahr {year}\"",
                  "subject = \"Bescheid {items} {year:2} {\"");
  layouts.replace(file, "width = 75", "width = 95");
  layouts.replace(file, "unless = \"iban\"", "unless = \"total\"");
  layouts.replace(file, "year = \"integer\"", "year = \"jahr\"");
  const auto problems = layout_problems(layouts, "grundsteuer");
  const std::string at = "file \"letters/grundsteuer.toml\": ";
  CHECK(problems == std::vector<std::string>{
                        at + "field \"bold_font\": \"comic\" is no font of fonts/fonts.toml",
                        at + "field \"fields.year\": expected a type (text, integer, number, money, date, period, "
                             "recipient; \"?\" at the end if optional) or a table of fields for a list",
                        at + "field \"info[1].value\": {referenz} names no field of the layout",
                        at + "field \"subject\": an opening brace at 27 is never closed (write {{ for a brace)",
                        at + "field \"table.columns\": are 185 mm wide together; the text is 165 mm wide",
                        at + "field \"body[0].text\": {year} names no field of the layout",
                        at + "field \"body[3].unless\": \"total\" is no optional field of the layout",
                    });
}

TEST_CASE("placeholders must name printable fields of their scope", "[profiles][letters]") {
  const ScratchLayouts layouts;
  const std::string file = "letters/grundsteuer.toml";
  layouts.replace(file, "subject = \"Bescheid über Grundsteuer für das Kalenderjahr {year}\"",
                  "subject = \"Bescheid {items} {year:2}\"");
  layouts.replace(file, "value = \"{description}\"", "value = \"{property}\"");
  layouts.replace(file, "id = \"text\"\n", "");
  const auto problems = layout_problems(layouts, "grundsteuer");
  const std::string at = "file \"letters/grundsteuer.toml\": ";
  CHECK(problems == std::vector<std::string>{
                        at + "field \"fields\": must have id = \"text\"",
                        at + "field \"info[2].value\": {id} names no field of the layout",
                        at + "field \"subject\": {items} is a list, which cannot stand in a text",
                        at + "field \"subject\": {year:2}: decimals are for numbers only",
                        at + "field \"table.columns[0].value\": {property} names no field of the layout",
                    });
}

}  // namespace
}  // namespace kuvert

#include "stages/split/document_split.hpp"

#include <catch2/catch.hpp>

using namespace kuvert;
using kuvert::split::DocumentSplitter;
using kuvert::split::PageText;

namespace {

// A page of lines, each at (x, y) in mm; words 2 mm a letter, 4 mm high.
PageText page(std::uint32_t number, const std::vector<std::tuple<double, double, std::string>>& lines) {
  PageText text;
  text.number = number;
  for (const auto& [x, y, line] : lines) {
    double at = x;
    std::size_t start = 0;
    while (start < line.size()) {
      const auto end = std::min(line.find(' ', start), line.size());
      const std::string word = line.substr(start, end - start);
      text.words.push_back({word, RectMm{at, y, 2.0 * static_cast<double>(word.size()), 4}});
      at += 2.0 * static_cast<double>(word.size()) + 2;
      start = end + 1;
    }
  }
  return text;
}

// A letter's page: form B's recipient zone (x 25, from y 63), an info
// block line with the Kassenzeichen, a page counter at the foot.
PageText letter_page(std::uint32_t number, const std::string& kassenzeichen, const std::string& counter,
                     const std::vector<std::string>& recipient = {"Herrn", "Max Muster", "Hauptstr. 1",
                                                                  "06108 Halle (Saale)"}) {
  std::vector<std::tuple<double, double, std::string>> lines;
  for (std::size_t i = 0; i < recipient.size(); ++i)
    lines.emplace_back(25, 64 + 4.5 * static_cast<double>(i), recipient[i]);
  lines.emplace_back(125, 55, "Kassenzeichen " + kassenzeichen);
  lines.emplace_back(25, 280, counter);
  return page(number, lines);
}

SplitProfile tax_profile() {
  SplitProfile profile;
  profile.name = "test";
  profile.fields = {{"kassenzeichen", "Kassenzeichen (\\S+)", {120, 50, 80, 10}, true, true}};
  profile.id_field = "kassenzeichen";
  profile.starts = {{DocumentStart::Kind::field_change, "", "", {}, "kassenzeichen", 0}};
  profile.counters = {{"Seite (\\d+) von (\\d+)", {20, 275, 170, 12}}};
  return profile;
}

const split::AddressReader& addresses() {
  static const split::AddressReader reader(split::AddressConventions{{{"AT", "ÖSTERREICH"}}, {}});
  return reader;
}

split::SplitOutcome split_pages(const SplitProfile& profile, const std::vector<PageText>& pages) {
  DocumentSplitter splitter(profile, addresses(), "druck.pdf");
  for (const auto& p : pages) splitter.add(p);
  return std::move(splitter).finish();
}

std::vector<std::string> messages(const split::SplitOutcome& outcome) {
  std::vector<std::string> texts;
  for (const auto& problem : outcome.problems) texts.push_back(describe(problem.where, problem.message));
  return texts;
}

}  // namespace

TEST_CASE("A print file splits where a field changes, each document with its recipient and fields", "[split]") {
  const auto outcome =
      split_pages(tax_profile(),
                  {letter_page(1, "K-1", "Seite 1 von 2"), letter_page(2, "K-1", "Seite 2 von 2"),
                   letter_page(3, "K-2", "Seite 1 von 1"),
                   letter_page(4, "K-3", "Seite 1 von 2", {"Frau", "Erika Beispiel", "Am Markt 3", "39104 Magdeburg"}),
                   letter_page(5, "K-3", "Seite 2 von 2")});
  CHECK(messages(outcome).empty());
  REQUIRE(outcome.documents.size() == 3);
  CHECK(outcome.documents[0].first_page == 1);
  CHECK(outcome.documents[0].pages == 2);
  CHECK(outcome.documents[1].first_page == 3);
  CHECK(outcome.documents[1].pages == 1);
  CHECK(outcome.documents[2].pages == 2);
  CHECK(outcome.documents[2].rule == "field change kassenzeichen");
  CHECK(outcome.documents[2].fields.at("kassenzeichen") == "K-3");
  CHECK(outcome.documents[2].recipient_lines ==
        std::vector<std::string>{"Frau", "Erika Beispiel", "Am Markt 3", "39104 Magdeburg"});
}

TEST_CASE("A page counter starts documents, and one that does not add up is found with its page", "[split]") {
  auto profile = tax_profile();
  profile.starts = {{DocumentStart::Kind::page_counter, "", "", {}, "", 0}};
  auto outcome = split_pages(profile, {letter_page(1, "K-1", "Seite 1 von 3"), letter_page(2, "K-1", "Seite 2 von 3"),
                                       letter_page(3, "K-2", "Seite 1 von 2"), letter_page(4, "K-2", "Seite 2 von 2")});
  CHECK(messages(outcome) ==
        std::vector<std::string>{"file \"druck.pdf\": record \"page 2\": field \"page_counter\": ends its document at "
                                 "page 2 of 3"});
  CHECK(outcome.documents.size() == 2);
  CHECK(outcome.documents[0].rule == "page counter");
  // A page that skips one, and a page without counter.
  outcome = split_pages(profile, {letter_page(1, "K-1", "Seite 1 von 3"), letter_page(2, "K-1", "Seite 3 von 3"),
                                  letter_page(3, "K-1", "Ende")});
  CHECK(messages(outcome) ==
        std::vector<std::string>{
            "file \"druck.pdf\": record \"page 2\": field \"page_counter\": reads page 3 of 3 after page 1 of 3",
            "file \"druck.pdf\": record \"page 3\": field \"page_counter\": has no page counter the profile reads "
            "(\"Ende\")"});
}

TEST_CASE("Text, pattern and every-N rules start documents, alone or all together", "[split]") {
  SplitProfile profile;
  profile.name = "test";
  profile.starts = {{DocumentStart::Kind::text, "Bescheid", "", {20, 95, 170, 10}, "", 0}};
  const auto first = [](std::uint32_t n, const std::string& title) {
    return page(n, {{25, 64, "Herrn"}, {25, 68.5, "Max Muster"}, {25, 73, "06108 Halle"}, {25, 98, title}});
  };
  const std::vector<PageText> pages = {first(1, "Bescheid über Grundsteuer"), first(2, "Anlage"),
                                       first(3, "Bescheid über Hundesteuer"), first(4, "Anlage")};
  auto outcome = split_pages(profile, pages);
  REQUIRE(outcome.documents.size() == 2);
  CHECK(outcome.documents[1].first_page == 3);
  CHECK(outcome.documents[1].rule == "text \"Bescheid\"");
  profile.starts = {{DocumentStart::Kind::pattern, "", "^Bescheid über \\w+steuer$", {20, 95, 170, 10}, "", 0}};
  CHECK(split_pages(profile, pages).documents.size() == 2);
  profile.starts = {{DocumentStart::Kind::every, "", "", {}, "", 2}};
  CHECK(split_pages(profile, pages).documents.size() == 2);
  // All must hold: the text and every page (so every page with the text).
  profile.starts = {{DocumentStart::Kind::text, "Bescheid", "", {20, 95, 170, 10}, "", 0},
                    {DocumentStart::Kind::every, "", "", {}, "", 1}};
  profile.all_must_hold = true;
  CHECK(split_pages(profile, pages).documents.size() == 2);
  profile.starts[1].pages = 3;  // pages 1 and 4: only page 1 has the text too
  CHECK(split_pages(profile, pages).documents.size() == 1);
}

TEST_CASE("A split finds every problem at once, each with its page", "[split]") {
  auto profile = tax_profile();
  profile.counters.clear();
  const auto outcome = split_pages(
      profile, {page(1, {{25, 30, "Deckblatt"}}), letter_page(2, "K-1", ""), letter_page(3, "K-2", "", {"Herrn"}),
                letter_page(4, "K-1", ""), page(5, {{125, 55, "Kassenzeichen K-4"}})});
  CHECK(messages(outcome) ==
        std::vector<std::string>{
            "file \"druck.pdf\": record \"page 1\": belongs to no document: no rule of the profile starts one on it "
            "or before it",
            "file \"druck.pdf\": record \"page 3\": field \"recipient\": has no recipient in the address field: "
            "the address has 1 line besides a country; a name, a street and a town are needed",
            "file \"druck.pdf\": record \"page 2\": field \"kassenzeichen\": starts a document with the id \"K-1\" "
            "that the one on page 4 has too",
            "file \"druck.pdf\": record \"page 4\": field \"kassenzeichen\": starts a document with the id \"K-1\" "
            "that the one on page 2 has too",
            "file \"druck.pdf\": record \"page 5\": field \"recipient\": has no recipient in the address field: "
            "the address has 0 lines besides a country; a name, a street and a town are needed"});
  // No page starts a document: one problem says so, counting every page,
  // beside those of pages that could not be read.
  CHECK(messages(split_pages(profile, {page(1, {{25, 30, "Deckblatt"}}), PageText{2, {}}})) ==
        std::vector<std::string>{
            "file \"druck.pdf\": no rule of split profile \"test\" starts a document on any of the file's 2 pages: "
            "is it the profile for this file?",
            "file \"druck.pdf\": record \"page 2\": has no text of its own (a scanned or outlined page), which the "
            "split cannot read"});
  // A page without text of its own (scanned, or its text drawn as outlines).
  CHECK(messages(split_pages(profile, {letter_page(1, "K-1", ""), PageText{2, {}}})) ==
        std::vector<std::string>{"file \"druck.pdf\": record \"page 2\": has no text of its own (a scanned or outlined "
                                 "page), which the split cannot read"});
  profile.fields[0].pattern = "Kassenzeichen (";
  CHECK_THROWS_WITH(DocumentSplitter(profile, addresses(), "druck.pdf"),
                    Catch::Contains("file \"splits/test.toml\": field \"field[0].pattern\": \"Kassenzeichen (\" is no "
                                    "regular expression"));
}

TEST_CASE("A region stuffed with text reads as empty, never as a pattern's stack overflow", "[split]") {
  // A hostile footer: "Seite 1 von " and 60,000 digits, which std::regex
  // would match one stack frame a digit.
  auto hostile = letter_page(1, "K-1", "Seite 1 von");
  hostile.words.push_back({std::string(60000, '7'), RectMm{60, 280, 20, 4}});  // squeezed into the footer
  const auto outcome = split_pages(tax_profile(), {hostile});
  REQUIRE(outcome.problems.size() == 2);
  CHECK(outcome.problems[0].message == "holds more text than a region of a letter does");
  CHECK(outcome.problems[0].where.field == "page_counter");
  CHECK(outcome.problems[1].message == "has no page counter the profile reads (\"\")");
}

// Letters composed from records with the shipped layouts, written to PDF
// and read back with poppler: every name, amount and reference exactly,
// the recipient inside the window area of the address field, tables that
// run over several pages with their header repeated, "Seite x von y".
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "pipeline/model/error.hpp"
#include "pipeline/profiles/load_fonts.hpp"
#include "pipeline/profiles/load_letters.hpp"
#include "stages/compose/letter_composer.hpp"
#include "pipeline/driver/composed_pdf.hpp"
#include "tests/support/kuvert_job.hpp"
#include "tests/support/page_image.hpp"
#include "tests/support/temp_folder.hpp"
#include "tests/support/word_boxes.hpp"

namespace kuvert {
namespace {

using namespace kuvert::compose;
using nlohmann::json;

// The shipped layouts, fonts and clients, loaded once.
struct Shipped {
  FontCatalog fonts = load_fonts(test::source_dir() / "fonts");
  std::map<std::string, Client> clients = load_clients(test::source_dir() / "layouts");
  LetterLayout layout(const std::string& name) const { return load_letter_layout(test::source_dir() / "layouts", name, fonts); }
};
const Shipped& shipped() {
  static const Shipped instance;
  return instance;
}

json tax_record(std::size_t items) {
  json record = {
      {"id", "GS-2026-000042"},
      {"recipient",
       {{"name", {"Frau", "Erika Mustermann"}}, {"street", "Hauptstraße 5"}, {"postcode", "39104"}, {"city", "Magdeburg"}}},
      {"reference", "K-2026-000042"},
      {"year", 2026},
      {"date", "2026-11-22"},
      {"due_date", "2027-02-15"},
      {"property", "Hauptstraße 5, Flur 3, Flurstück 117/4"},
      {"total", 1234.56},
      {"items", json::array()}};
  for (std::size_t i = 0; i < items; ++i)
    record["items"].push_back({{"description", std::string("Grundsteuer B, Teilfläche ") + std::to_string(i + 1)},
                               {"base", 20.58},
                               {"rate", 480},
                               {"amount", 98.78}});
  return record;
}

// Composes `record` with `layout` into a PDF in `folder`; returns its path.
std::filesystem::path compose_pdf(const test::TempFolder& folder, const LetterLayout& layout, const json& record,
                                  const std::string& client = "musterstadt") {
  const FontSet fonts(shipped().fonts, {layout.font, layout.bold_font});
  const Client& sender = shipped().clients.at(client);
  std::optional<LogoImage> logo;
  if (!sender.logo.empty()) logo = read_png(sender.logo);
  const LogoShape shape = logo ? shape_of(*logo) : LogoShape{};
  const LetterComposer composer(layout, sender, fonts, logo ? &shape : nullptr);
  TextSetter setter(fonts);
  const ComposedLetter letter = composer.compose(record, setter);
  const auto path = folder.path() / (layout.name + ".pdf");
  write_composed_pdf(path, fonts, letter.pages, letter.glyphs, logo ? &*logo : nullptr);
  return path;
}

std::filesystem::path compose_pdf(const test::TempFolder& folder, const std::string& layout_name, const json& record,
                                  const std::string& client = "musterstadt") {
  return compose_pdf(folder, shipped().layout(layout_name), record, client);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST_CASE("a property-tax notice reads back with its names, amounts and references", "[compose][letter]") {
  test::TempFolder folder;
  const auto pdf = compose_pdf(folder, "grundsteuer", tax_record(3));
  const auto pages = test::page_texts(pdf);
  REQUIRE(pages.size() == 1);
  const std::string& text = pages[0];
  INFO(text);
  for (const char* expected :
       {"Stadt Musterstadt", "Erika Mustermann", "Hauptstraße 5", "39104 Magdeburg", "K-2026-000042", "GS-2026-000042",
        "22.11.2026", "Bescheid über Grundsteuer für das Kalenderjahr 2026", "Grundsteuer B, Teilfläche 3",
        "20,58 €", "98,78 €", "1.234,56 €", "15.02.2027", "Seite 1 von 1", "IBAN DE02 1203 0000 0000 2020 51"})
    CHECK(contains(text, expected));
  // No IBAN in the record: the transfer paragraph, not the direct debit one.
  CHECK(contains(text, "Bitte überweisen Sie"));
  CHECK_FALSE(contains(text, "abgebucht"));

  // The recipient sits in the recipient zone of the form B address field
  // (x 20 mm, y 45 + 17.7 mm, 85 x 27.3 mm), the return address above it.
  const std::string zone = test::text_in_area(pdf, 1, 20, 45 + 17.7, 85, 27.3);
  CHECK(contains(zone, "Frau"));
  CHECK(contains(zone, "Erika Mustermann"));
  CHECK(contains(zone, "39104 Magdeburg"));
  CHECK_FALSE(contains(zone, "Rathausplatz"));
  CHECK(contains(test::text_in_area(pdf, 1, 20, 45, 85, 17.7), "Stadt Musterstadt · Rathausplatz 1"));
}

TEST_CASE("the client's logo stands at the letterhead's right, its transparency kept", "[compose][letter]") {
  test::TempFolder folder;
  const auto pdf = compose_pdf(folder, "grundsteuer", tax_record(1));
  const auto images = test::run_process({"pdfimages", "-list", pdf.string()});
  CHECK(contains(images.out, "image"));
  CHECK(contains(images.out, "smask"));
  // Form B: a 25 mm square at x 165 mm, y 10 mm: the blue shield inside,
  // its transparent corners white.
  const auto page = test::render_pages(pdf, 100).at(0);
  CHECK(page.grey_at_mm(170, 16) < 128);
  CHECK(page.grey_at_mm(166, 33.5) > 240);
  CHECK_FALSE(page.any_dark_mm(140, 10, 20, 25));  // nothing else there
}

TEST_CASE("a paragraph with an optional field is set only when the record has it", "[compose][letter]") {
  test::TempFolder folder;
  json record = tax_record(1);
  record["iban"] = "DE02 1203 0000 0000 2020 51";
  const auto text = test::page_texts(compose_pdf(folder, "grundsteuer", record))[0];
  CHECK(contains(text, "abgebucht"));
  CHECK_FALSE(contains(text, "Bitte überweisen Sie"));
}

TEST_CASE("a 60-item statement runs over pages with the table header repeated", "[compose][letter]") {
  test::TempFolder folder;
  json record = {{"id", "BZ-2026-11-0007"},
                 {"recipient", {{"name", {"Herrn", "Jonas Beispiel"}}, {"street", "Lindenweg 8"}, {"postcode", "06108"}, {"city", "Halle (Saale)"}}},
                 {"personnel_no", "P-004711"},
                 {"period", "2026-11"},
                 {"gross", 4321.09},
                 {"net", 2765.43},
                 {"bank_account", "DE89 3704 0044 0532 0130 00"},
                 {"items", json::array()}};
  for (int i = 0; i < 60; ++i)
    record["items"].push_back({{"code", std::string("L") + std::to_string(100 + i)}, {"description", std::string("Lohnart Nummer ") + std::to_string(i + 1)}, {"amount", 10.5 + i}});
  const auto pdf = compose_pdf(folder, "bezuege", record, "nachbarstadt");
  const auto pages = test::page_texts(pdf);
  REQUIRE(pages.size() >= 2);
  const std::string count = std::to_string(pages.size());
  for (std::size_t p = 0; p < pages.size(); ++p) {
    INFO("page " << p + 1 << ":\n" << pages[p]);
    CHECK(contains(pages[p], std::string("Seite ") + std::to_string(p + 1) + " von " + count));
    CHECK(contains(pages[p], "Kreissparkasse Nachbarstadt"));
    if (p > 0) CHECK(contains(pages[p], "Gemeinde Nachbarstadt · Jonas Beispiel · BZ-2026-11-0007"));
  }
  // The header on every page the table reaches, every row exactly once.
  std::string all;
  for (const auto& page : pages) all += page;
  for (int i = 0; i < 60; ++i) {
    const std::string row = std::string("Lohnart Nummer ") + std::to_string(i + 1) + " ";
    CHECK(contains(all, row));
  }
  CHECK(contains(pages[0], "Lohnart"));
  CHECK(contains(pages[1], "Bezeichnung"));
  CHECK(contains(all, "November 2026"));
  CHECK(contains(all, "4.321,09 €"));
  CHECK(contains(all, "2.765,43 €"));
  CHECK(contains(all, "69,50 €"));  // the last row: 10.5 + 59
}

// Item descriptions as municipal fee and tax notices carry them: wider
// than the 75 mm description column of the property-tax layout.
const std::vector<std::string> kLongDescriptions = {
    "Grundgebühr Abfallentsorgung je Haushalt",
    "Niederschlagswassergebühr (versiegelte Fläche)",
    "Straßenreinigung/Winterdienst, Frontmeter Anliegerstraße",
    "Grundsteuer B (Wohngrundstück, Einfamilienhaus mit Garage)",
    "Restmüll-Behälter 120 l, 14-tägliche Leerung, Vollservice",
    "Schmutzwassergebühr nach Frischwassermaßstab (Vorauszahlung)",
};

json with_items(json record, const std::vector<std::string>& descriptions) {
  record["items"] = json::array();
  for (std::size_t i = 0; i < descriptions.size(); ++i)
    record["items"].push_back({{"description", descriptions[i]},
                               {"base", 10.0 * static_cast<double>(i + 1)},
                               {"rate", 480},
                               {"amount", 11.11 * static_cast<double>(i + 1)}});
  return record;
}

// The property-tax table's columns, mm from the left edge of the sheet.
struct ColumnSpan {
  double left, right;
};
const std::vector<ColumnSpan> kTaxColumns = {{25, 100}, {100, 130}, {130, 155}, {155, 190}};

std::string without_spaces(const std::string& text) {
  std::string out;
  for (const char c : text)
    if (c != ' ') out += c;
  return out;
}

// The first `text` on any page, or below `below` mm on the first page.
const test::WordBox& word(const std::vector<test::WordBox>& words, const std::string& text, double below = -1) {
  for (const auto& box : words)
    if (box.text == text && (below < 0 || (box.page == 1 && box.y > below))) return box;
  FAIL("no word \"" << text << "\" on the page");
  throw std::logic_error("unreachable");
}

TEST_CASE("table cells wrap inside their columns, every word in order, numbers on the row's first line",
          "[compose][letter]") {
  test::TempFolder folder;
  const auto pdf = compose_pdf(folder, "grundsteuer", with_items(tax_record(0), kLongDescriptions));
  const auto words = test::word_boxes(pdf);
  const double header = word(words, "Bezeichnung").bottom;
  const double totals = word(words, "Festgesetzte").y;
  std::string description_column;
  std::set<long> description_lines;
  for (const auto& box : words) {
    if (box.page != 1 || box.y < header || box.bottom > totals) continue;
    INFO("\"" << box.text << "\" at " << box.x << " to " << box.right << " mm");
    const bool inside_a_column = std::any_of(kTaxColumns.begin(), kTaxColumns.end(), [&](const ColumnSpan& column) {
      return box.x >= column.left - 0.01 && box.right <= column.right + 0.01;
    });
    CHECK(inside_a_column);
    if (box.right <= kTaxColumns[0].right) {
      description_column += box.text;
      description_lines.insert(std::lround(box.y * 10));
    }
  }
  std::string expected;
  for (const auto& description : kLongDescriptions) expected += without_spaces(description);
  CHECK(description_column == expected);
  CHECK(description_lines.size() >= kLongDescriptions.size() + 4);  // most descriptions wrapped

  // Every cell starts on its row's first line: the amount beside the
  // first word of its description.
  for (std::size_t i = 0; i < kLongDescriptions.size(); ++i) {
    const std::string first = kLongDescriptions[i].substr(0, kLongDescriptions[i].find(' '));
    char amount[16];
    std::snprintf(amount, sizeof amount, "%.2f", 11.11 * static_cast<double>(i + 1));
    std::string german = amount;
    german[german.find('.')] = ',';
    INFO(first << " and " << german);
    CHECK(std::abs(word(words, first, header).y - word(words, german, header).y) < 0.3);
    CHECK(word(words, german, header).right > kTaxColumns[3].right - 5);  // right-aligned in its column
  }
}

TEST_CASE("a table that fills a page moves whole rows to the next, under the header, and keeps the totals with the last",
          "[compose][letter]") {
  test::TempFolder folder;
  std::vector<std::string> descriptions;
  for (int i = 1; i <= 45; ++i)
    descriptions.push_back("Teilfläche " + std::to_string(i) + ": " + kLongDescriptions[i % kLongDescriptions.size()]);
  const auto pdf = compose_pdf(folder, "grundsteuer", with_items(tax_record(0), descriptions));
  const auto words = test::word_boxes(pdf);
  const int pages = words.back().page;
  REQUIRE(pages >= 2);
  int rows = 0, last_row_page = 0;
  for (int page = 1; page <= pages; ++page) {
    const test::WordBox* header = nullptr;
    for (const auto& box : words)
      if (box.page == page && box.text == "Bezeichnung") header = &box;
    if (header == nullptr) continue;
    // The first word under the header begins a row; no row's rest is carried over.
    const test::WordBox* first = nullptr;
    for (const auto& box : words)
      if (box.page == page && box.y > header->bottom && box.right <= kTaxColumns[0].right &&
          (first == nullptr || box.y < first->y - 0.1 || (std::abs(box.y - first->y) < 0.1 && box.x < first->x)))
        first = &box;
    REQUIRE(first != nullptr);
    INFO("page " << page);
    CHECK(first->text == "Teilfläche");
    for (const auto& box : words)
      if (box.page == page && box.text == "Teilfläche") {
        ++rows;
        if (box.y > header->bottom) last_row_page = page;
      }
  }
  CHECK(rows == 45);
  CHECK(word(words, "45:").page == last_row_page);
  CHECK(word(words, "Festgesetzte").page == last_row_page);
  // Nothing runs past the last text line (257 mm) into the page number.
  for (const auto& box : words) CHECK((box.bottom < 258 || box.y > 258));
}

TEST_CASE("a table row higher than a page is refused naming the row and field", "[compose][letter]") {
  test::TempFolder folder;
  LetterLayout layout = shipped().layout("grundsteuer");
  layout.table->columns[0].width_mm = 12;
  std::string description;
  while (description.size() < 900) description += "Niederschlagswassergebühr ";
  const json record = with_items(tax_record(0), {"Grundsteuer B", description});
  try {
    compose_pdf(folder, layout, record);
    FAIL("a row of 900 bytes in a 12 mm column was set");
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::input);
    REQUIRE(error.problems().size() == 1);
    CHECK(error.problems()[0].where.field == "items[1].description");
    CHECK(contains(error.what(), "makes its table row higher than a page ("));
    CHECK(contains(error.what(), "in the column \"Bezeichnung\"; a page holds"));
  }
}

TEST_CASE("each letter greets its recipient by the layout's salutation rules", "[compose][letter]") {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"Frau", "Anna Schäfer"}, "Sehr geehrte Frau Schäfer,"},
      {{"Herrn Prof. Dr. Mehmet Öztürk"}, "Sehr geehrter Herr Prof. Dr. Öztürk,"},
      {{"Erbengemeinschaft nach Wilhelmine Musterfrau", "vertreten durch Herrn Dr. Vorlage"},
       "Sehr geehrte Damen und Herren,"},
  };
  for (const auto& [name, expected] : cases) {
    test::TempFolder folder;
    json record = tax_record(1);
    record["recipient"]["name"] = name;
    const std::string text = test::page_texts(compose_pdf(folder, "grundsteuer", record))[0];
    INFO(text);
    CHECK(contains(text, "\n" + expected + "\n"));
  }
}

// The height in mm of the lowest band of dark rows in a rectangle (mm).
double lowest_band_mm(const test::PageImage& page, double x, double y, double width, double height) {
  int columns = 0, rows = 0;
  const auto pixels = page.crop_mm(x, y, width, height, columns, rows);
  int bottom = -1, top = -1;
  for (int row = rows - 1; row >= 0; --row) {
    bool dark = false;
    for (int column = 0; column < columns && !dark; ++column) dark = pixels[row * columns + column] < 128;
    if (dark && bottom < 0) bottom = row;
    if (!dark && bottom >= 0) {
      top = row + 1;
      break;
    }
  }
  return bottom < 0 || top < 0 ? 0 : (bottom - top + 1) * 25.4 / page.dpi();
}

TEST_CASE("a recipient is never set so small that its capitals are below 2.3 mm", "[compose][letter]") {
  test::TempFolder folder;
  LetterLayout layout = shipped().layout("grundsteuer");
  layout.size_pt = 8;  // a layout with small type: the address still is not
  json record = tax_record(1);
  record["recipient"] = {{"name", {"Herrn", "Jan van der Berg"}}, {"street", "Grachtweg 3"},
                         {"postcode", "1015 AB"}, {"city", "Amsterdam"}, {"country", "NL"}};
  const auto pdf = compose_pdf(folder, layout, record);
  CHECK(contains(test::page_texts(pdf)[0], "NIEDERLANDE"));
  // The country line, capitals only, is the lowest line of the recipient
  // zone (x 25 to 105 mm, y 62.7 to 90 mm).
  const double capitals = lowest_band_mm(test::render_pages(pdf, 1200).at(0), 25, 62.7, 80, 27.3);
  CHECK(capitals >= 2.3);
  CHECK(capitals < 2.4);  // set at 9.5 pt, not at the layout's 8 pt or larger

  // An address that would fit only smaller is refused.
  record["recipient"]["name"] = {"Erbengemeinschaft nach Wilhelmine Musterfrau-Beispielhausen und Konstantin "
                                 "Vorlage-Schablonenberg, vertreten durch den Nachlasspfleger",
                                 "Herrn Rechtsanwalt Dr. Konstantin Vorlage-Schablonenberg"};
  try {
    compose_pdf(folder, layout, record);
    FAIL("an address of seven lines at 9.5 pt was set");
  } catch (const Error& error) {
    CHECK(contains(error.what(), "cannot be fitted into the address field: "
                                 "more than 6 lines of 80 mm in 27.3 mm even at 9.5 pt, the smallest size whose "
                                 "capitals are 2.3 mm high"));
  }
}

}  // namespace
}  // namespace kuvert

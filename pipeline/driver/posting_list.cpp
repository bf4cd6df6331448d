#include "pipeline/driver/posting_list.hpp"

#include "pipeline/driver/composed_pdf.hpp"
#include "pipeline/driver/text_page.hpp"
#include "pipeline/profiles/load_fonts.hpp"
#include "stages/compose/font_set.hpp"
#include "stages/compose/german_format.hpp"
#include "stages/deliver/csv_text.hpp"

namespace kuvert {

using namespace kuvert::compose;

namespace {

const char* destination(const PostingLine& line) { return line.international ? "international" : "national"; }

constexpr double kTop = 780, kRow = 15, kBottom = 140;

}  // namespace

std::string posting_list_csv(const std::string& date, const std::vector<PostingLine>& lines) {
  std::string csv = csv_row(
      {"date", "client", "product", "weight_class", "destination", "pieces", "postage_cents", "unpriced_pieces"});
  for (const auto& line : lines)
    csv += csv_row({date, line.client, line.product, line.weight_class, destination(line), std::to_string(line.pieces),
                    std::to_string(line.cents), std::to_string(line.unpriced)});
  return csv;
}

void write_posting_list_pdf(const std::filesystem::path& path, const std::filesystem::path& fonts,
                            const std::string& date, const std::string& client, const std::vector<PostingLine>& lines) {
  const FontCatalog catalog = load_fonts(fonts);
  TextFonts text_fonts(catalog);
  std::vector<std::string> pages;
  std::int64_t pieces = 0, cents = 0, unpriced = 0;
  std::size_t next = 0;
  do {
    TextPage page(text_fonts);
    page.text("Einlieferungsliste", 56, kTop, 16, true);
    page.text("Auftraggeber: " + client, 56, kTop - 24, 10);
    page.text("Einlieferungstag: " + date_text(date).value_or(date), 56, kTop - 38, 10);
    if (!pages.empty()) page.text("Fortsetzung, Blatt " + std::to_string(pages.size() + 1), 400, kTop - 38, 10);
    double y = kTop - 70;
    page.text("Produkt", 56, y, 9, true);
    page.text("Gewicht", 236, y, 9, true);
    page.text("Ziel", 316, y, 9, true);
    page.number("Stück", 440, y, 9, true);
    page.number("Entgelt", 540, y, 9, true);
    page.rule(y - 4);
    for (y -= kRow + 2; next < lines.size() && y > kBottom; ++next, y -= kRow) {
      const auto& line = lines[next];
      page.text(line.product.empty() ? "(ohne Produkt, von Hand)" : line.product, 56, y, 9);
      page.text(line.weight_class, 236, y, 9);
      page.text(destination(line), 316, y, 9);
      page.number(integer_text(line.pieces), 440, y, 9);
      page.number(money(line.cents) + (line.unpriced > 0 ? " *" : ""), 540, y, 9);
      pieces += line.pieces, cents += line.cents, unpriced += line.unpriced;
    }
    if (next == lines.size()) {
      page.rule(y + kRow - 4);
      page.text("Summe", 56, y, 9, true);
      page.number(integer_text(pieces), 440, y, 9, true);
      page.number(money(cents), 540, y, 9, true);
      if (unpriced > 0) page.text("* " + integer_text(unpriced) + " Sendungen ohne bekanntes Entgelt", 56, y - kRow, 8);
      page.text("Übergeben (Druckzentrum): ______________________", 56, 90, 9);
      page.text("Angenommen (Post): ______________________", 320, 90, 9);
    }
    pages.push_back(page.operators());
  } while (next < lines.size());
  write_composed_pdf(path, text_fonts.set, pages, text_fonts.usage);
}

}  // namespace kuvert

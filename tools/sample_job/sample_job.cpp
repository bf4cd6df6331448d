#include "tools/sample_job/sample_job.hpp"

#include <podofo/podofo.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "pipeline/model/a4_sheet.hpp"
#include "pipeline/model/utf8.hpp"
#include "pipeline/pdf/pdf_file_writer.hpp"

namespace kuvert {
namespace {

using namespace PoDoFo;
namespace fs = std::filesystem;

const char* kFirstNames[] = {"Erika",  "Max",   "Anna",  "Jonas", "Lena", "Paul",  "Marie",  "Felix",
                             "Sophie", "Lukas", "Greta", "Emil",  "Ida",  "Oskar", "Frieda", "Karl"};
const char* kSurnames[] = {"Mustermann", "Musterfrau", "Beispiel",  "Probst",  "Testmann",    "Exempel",
                           "Modell",     "Vorlage",    "Schablone", "Entwurf", "Platzhalter", "Muster-Lüdenscheidt"};
const char* kStreets[] = {"Hauptstraße", "Bahnhofstraße", "Lindenweg",  "Am Markt",  "Schulstraße",
                          "Gartenweg",   "Rosenstraße",   "Kirchplatz", "Mühlenweg", "Große Straße"};
struct Town {
  const char* postcode;
  const char* city;
};
const Town kTowns[] = {{"39104", "Magdeburg"}, {"06108", "Halle (Saale)"}, {"04109", "Leipzig"}, {"01067", "Dresden"},
                       {"10115", "Berlin"},    {"20095", "Hamburg"},       {"80331", "München"}, {"50667", "Köln"},
                       {"39576", "Stendal"},   {"06844", "Dessau-Roßlau"}};
struct ForeignTown {
  const char* country;
  const char* postcode;
  const char* city;
  const char* country_line;
};
const ForeignTown kForeignTowns[] = {{"AT", "1010", "WIEN", "ÖSTERREICH"},
                                     {"CH", "8001", "ZÜRICH", "SCHWEIZ"},
                                     {"NL", "1012 AB", "AMSTERDAM", "NIEDERLANDE"},
                                     {"IT", "00184", "ROMA", "ITALIEN"}};

template <typename T, std::size_t N>
const T& pick(const T (&items)[N], std::mt19937& random) {
  return items[std::uniform_int_distribution<std::size_t>(0, N - 1)(random)];
}

// The same recipient as the specialist application may spell it another time.
Recipient respell(Recipient r, std::mt19937& random) {
  const auto at = r.street.find("straße");
  if (at != std::string::npos && chance(0.5, random)) r.street.replace(at, std::string("straße").size(), "str.");
  return r;
}

std::vector<std::string> address_lines(const Recipient& r) {
  auto lines = r.name;
  lines.push_back(r.street);
  if (r.domestic()) {
    lines.push_back(r.postcode + " " + r.city);
  } else {
    for (const auto& town : kForeignTowns)
      if (r.country == town.country) {
        lines.push_back(r.postcode + " " + r.city);
        lines.push_back(town.country_line);
      }
  }
  return lines;
}

// Helvetica with WinAnsiEncoding: Latin-1 maps one to one, the euro sign
// has its own code; anything else cannot occur in our invented texts.
std::string win_ansi(const std::string& utf8) {
  std::string out;
  for (std::size_t pos = 0; pos < utf8.size();) {
    const char32_t cp = next_code_point(utf8, pos);
    out += static_cast<char>(cp == U'€' ? 0x80 : cp);
  }
  return out;
}

// Builds a letter page's content stream; positions in mm from the top-left
// corner, as DIN 5008 gives them.
class PageText {
 public:
  void line(const char* font, double size, double x_mm, double y_mm, const std::string& text) {
    char head[96];
    std::snprintf(head, sizeof head, "BT /%s %.1f Tf %.2f %.2f Td ", font, size, x_mm * kPointsPerMm,
                  kA4HeightPt - y_mm * kPointsPerMm);
    content_ += head;
    content_ += pdf_literal(win_ansi(text));
    content_ += " Tj ET\n";
  }
  const std::string& content() const { return content_; }

 private:
  std::string content_;
};

// Writes the spool page by page: PoDoFo's document classes keep a page tree
// whose insertion cost grows with the page count (25,000 letters took over
// ten minutes), so the generator streams objects through the run writer.
class SpoolWriter {
 public:
  explicit SpoolWriter(const fs::path& path) : writer_(path, PdfFileInfo{"sample print file", "D:20261122000000Z"}) {
    writer_.write({kRegular, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"});
    writer_.write({kBold, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"});
    writer_.write({kResources, "<< /Font << /F1 4 0 R /F2 5 0 R >> /ProcSet [/PDF /Text] >>"});
  }

  void page(const SampleDocument& document, std::uint32_t number, std::mt19937& random) {
    PageText text;
    if (number == 1) {
      text.line("F2", 14, 20, 20, "Stadt Musterstadt");
      text.line("F1", 9, 20, 26, "Der Bürgermeister · Steueramt · Rathausplatz 1 · 39999 Musterstadt");
      // DIN 5008 form B: return-address zone ends at 62.7 mm, recipient zone
      // below; text 5 mm into the field (x 25 mm).
      text.line("F1", 7, 25, 60, "Stadt Musterstadt · Rathausplatz 1 · 39999 Musterstadt");
      // Six lines at 3.9 mm end 3 mm above the C6/5 window's lower edge.
      double y = 66;
      for (const auto& line : address_lines(document.recipient)) {
        text.line("F1", 10, 25, y, line);
        y += 3.9;
      }
      text.line("F1", 9, 125, 55, "Datum: 22.11.2026");
      text.line("F1", 9, 125, 60, "Kassenzeichen: " + document.id);
      text.line("F2", 11, 25, 103, "Bescheid über Grundbesitzabgaben 2026");
    }
    text.line("F1", 9, 25, number == 1 ? 112 : 30, sample_page_marker(document.id, number, document.pages));
    double y = number == 1 ? 122 : 40;
    const int lines = 10 + static_cast<int>(random() % 25);
    for (int i = 0; i < lines && y < 250; ++i, y += 5)
      text.line("F1", 10, 25, y,
                "Zeile " + std::to_string(i + 1) + ": Für das Grundstück wird die Abgabe festgesetzt.");
    text.line("F1", 8, 25, 285, "Seite " + std::to_string(number) + " von " + std::to_string(document.pages));

    const std::uint32_t contents = next_++, page = next_++;
    writer_.write({contents, flate_stream("", text.content())});
    writer_.write({page, pdf_page(kA4WidthPt, kA4HeightPt, pdf_reference(kResources), contents)});
    writer_.add_page(page);
  }

  void finish() {
    const std::uint32_t info = next_++;
    writer_.finish(info, next_);
  }

 private:
  static constexpr std::uint32_t kRegular = kFirstFreeObject, kBold = kFirstFreeObject + 1,
                                 kResources = kFirstFreeObject + 2;
  PdfFileWriter writer_;
  std::uint32_t next_ = kFirstFreeObject + 3;
};

}  // namespace

bool chance(double share, std::mt19937& random) { return std::uniform_real_distribution<double>(0, 1)(random) < share; }

Recipient invent_recipient(std::mt19937& random, double foreign_share) {
  Recipient r;
  r.name = {chance(0.5, random) ? "Frau" : "Herrn",
            std::string(pick(kFirstNames, random)) + " " + pick(kSurnames, random)};
  if (chance(0.1, random)) r.name.push_back("c/o Hausverwaltung Beispiel GmbH");
  r.street = std::string(pick(kStreets, random)) + " " + std::to_string(random() % 120 + 1);
  if (chance(foreign_share, random)) {
    const auto& town = pick(kForeignTowns, random);
    r.country = town.country;
    r.postcode = town.postcode;
    r.city = town.city;
  } else {
    const auto& town = pick(kTowns, random);
    r.postcode = town.postcode;
    r.city = town.city;
  }
  return r;
}

std::string sample_page_marker(const std::string& document_id, std::uint32_t page, std::uint32_t pages) {
  return "Dokument " + document_id + " Blatt " + std::to_string(page) + "/" + std::to_string(pages);
}

void write_mark_sheet(const fs::path& path) {
  PdfError::EnableDebug(false);
  PdfError::EnableLogging(false);
  PdfStreamedDocument sheet(path.c_str());
  PdfPage* page = sheet.CreatePage(PdfPage::CreateStandardPageSize(ePdfPageSize_A4));
  PdfPainter painter;
  painter.SetPage(page);
  painter.SetColor(0, 0, 0);
  for (int i = 0; i < 9; ++i) {
    const double centre_mm = 100 + i * 4.23;
    painter.Rectangle(193 * kPointsPerMm, kA4HeightPt - (centre_mm + 0.25) * kPointsPerMm, 10 * kPointsPerMm,
                      0.5 * kPointsPerMm);
    painter.Fill();
  }
  painter.FinishPage();
  sheet.Close();
}

std::vector<SampleDocument> write_sample_job(const fs::path& folder, const SampleJobOptions& options) {
  PdfError::EnableDebug(false);
  PdfError::EnableLogging(false);
  fs::create_directories(folder);
  std::mt19937 random(options.seed);
  std::vector<SampleDocument> documents;
  std::vector<Recipient> recipients;
  std::uint32_t next_page = 1;
  {
    SpoolWriter spool(folder / "spool.pdf");
    for (std::size_t i = 0; i < options.documents; ++i) {
      SampleDocument document;
      char id[32];
      std::snprintf(id, sizeof id, "K-2026-%06zu", i + 1);
      document.id = id;
      document.pages = options.fixed_pages ? options.fixed_pages : 1 + random() % 5;
      document.first_page = next_page;
      next_page += document.pages;
      if (!recipients.empty() && chance(options.repeat_share, random))
        document.recipient = respell(recipients[random() % recipients.size()], random);
      else
        recipients.push_back(document.recipient = invent_recipient(random, options.foreign_share));
      if (chance(options.insert_share, random))
        document.inserts.push_back(chance(0.75, random) ? "feeder-1" : "feeder-2");
      for (std::uint32_t page = 1; page <= document.pages; ++page) spool.page(document, page, random);
      documents.push_back(std::move(document));
    }
    spool.finish();
  }
  nlohmann::json manifest = {
      {"job", options.job},
      {"client", "musterstadt"},
      {"application", "steuer"},
      {"print_file", "spool.pdf"},
      // The spool sets its text in Helvetica without embedding it, as many
      // tax applications' print files do.
      {"standard_fonts", "allow"},
      {"defaults",
       {{"paper", "a4-80"},
        {"sides", options.sides},
        {"inserter", "generic-omr"},
        {"envelope", "auto"},
        {"consolidate", true},
        {"inserts", nlohmann::json::array()}}},
  };
  auto& entries = manifest["documents"] = nlohmann::json::array();
  for (const auto& document : documents) {
    nlohmann::json entry = {
        {"id", document.id},
        {"pages", std::to_string(document.first_page) + "-" + std::to_string(document.first_page + document.pages - 1)},
        {"recipient", recipient_json(document.recipient)}};
    if (!document.inserts.empty()) entry["inserts"] = document.inserts;
    entries.push_back(entry);
  }
  std::ofstream(folder / "job.json") << manifest.dump(2) << "\n";
  return documents;
}

}  // namespace kuvert

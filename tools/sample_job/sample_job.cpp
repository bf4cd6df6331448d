#include "tools/sample_job/sample_job.hpp"

#include <podofo/podofo.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

namespace kuvert {
namespace {

using namespace PoDoFo;
namespace fs = std::filesystem;

constexpr double kPtPerMm = 72.0 / 25.4;
constexpr double kPageHeightPt = 841.89;

const char* kFirstNames[] = {"Erika", "Max", "Anna", "Jonas", "Lena", "Paul", "Marie", "Felix", "Sophie", "Lukas",
                             "Greta", "Emil", "Ida", "Oskar", "Frieda", "Karl"};
const char* kSurnames[] = {"Mustermann", "Musterfrau", "Beispiel", "Probst", "Testmann", "Exempel", "Modell",
                           "Vorlage", "Schablone", "Entwurf", "Platzhalter", "Muster-Lüdenscheidt"};
const char* kStreets[] = {"Hauptstraße", "Bahnhofstraße", "Lindenweg", "Am Markt", "Schulstraße", "Gartenweg",
                          "Rosenstraße", "Kirchplatz", "Mühlenweg", "Große Straße"};
struct Town {
  const char* postcode;
  const char* city;
};
const Town kTowns[] = {{"39104", "Magdeburg"}, {"06108", "Halle (Saale)"}, {"04109", "Leipzig"},
                       {"01067", "Dresden"},   {"10115", "Berlin"},        {"20095", "Hamburg"},
                       {"80331", "München"},   {"50667", "Köln"},          {"39576", "Stendal"},
                       {"06844", "Dessau-Roßlau"}};
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

PdfString text(const std::string& utf8) { return PdfString(reinterpret_cast<const pdf_utf8*>(utf8.c_str())); }

class LetterPainter {
 public:
  explicit LetterPainter(PdfStreamedDocument& document)
      : document_(document),
        regular_(document.CreateFont("Helvetica", false, false, false,
                                     PdfEncodingFactory::GlobalWinAnsiEncodingInstance(),
                                     PdfFontCache::eFontCreationFlags_AutoSelectBase14, false)),
        bold_(document.CreateFont("Helvetica", true, false, false, PdfEncodingFactory::GlobalWinAnsiEncodingInstance(),
                                  PdfFontCache::eFontCreationFlags_AutoSelectBase14, false)) {}

  void page(const SampleDocument& document, std::uint32_t number, std::mt19937& random) {
    PdfPage* page = document_.CreatePage(PdfPage::CreateStandardPageSize(ePdfPageSize_A4));
    PdfPainter painter;
    painter.SetPage(page);
    if (number == 1) {
      write(painter, bold_, 14, 20, 20, "Stadt Musterstadt");
      write(painter, regular_, 9, 20, 26, "Der Bürgermeister · Steueramt · Rathausplatz 1 · 39999 Musterstadt");
      // DIN 5008 form B: return-address zone ends at 62.7 mm, recipient zone below.
      write(painter, regular_, 7, 20, 60, "Stadt Musterstadt · Rathausplatz 1 · 39999 Musterstadt");
      double y = 67;
      for (const auto& line : address_lines(document.recipient)) {
        write(painter, regular_, 10, 20, y, line);
        y += 4.2;
      }
      write(painter, regular_, 9, 125, 55, "Datum: 22.11.2026");
      write(painter, regular_, 9, 125, 60, "Kassenzeichen: " + document.id);
      write(painter, bold_, 11, 25, 103, "Bescheid über Grundbesitzabgaben 2026");
    }
    write(painter, regular_, 9, 25, number == 1 ? 112 : 30,
          sample_page_marker(document.id, number, document.pages));
    double y = number == 1 ? 122 : 40;
    const int lines = 10 + static_cast<int>(random() % 25);
    for (int i = 0; i < lines && y < 250; ++i, y += 5)
      write(painter, regular_, 10, 25, y, "Zeile " + std::to_string(i + 1) + ": Für das Grundstück wird die Abgabe festgesetzt.");
    write(painter, regular_, 8, 25, 285,
          "Seite " + std::to_string(number) + " von " + std::to_string(document.pages));
    painter.FinishPage();
  }

 private:
  // Positions in mm from the top-left corner, as DIN 5008 gives them.
  static void write(PdfPainter& painter, PdfFont* font, float size, double x_mm, double y_mm, const std::string& line) {
    font->SetFontSize(size);
    painter.SetFont(font);
    painter.DrawText(x_mm * kPtPerMm, kPageHeightPt - y_mm * kPtPerMm, text(line));
  }

  PdfStreamedDocument& document_;
  PdfFont* regular_;
  PdfFont* bold_;
};

nlohmann::json recipient_json(const Recipient& r) {
  return {{"name", r.name}, {"street", r.street}, {"postcode", r.postcode}, {"city", r.city}, {"country", r.country}};
}

}  // namespace

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
    painter.Rectangle(193 * kPtPerMm, kPageHeightPt - (centre_mm + 0.25) * kPtPerMm, 10 * kPtPerMm, 0.5 * kPtPerMm);
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
    PdfStreamedDocument spool((folder / "spool.pdf").c_str());
    LetterPainter painter(spool);
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
      if (chance(options.insert_share, random)) document.inserts.push_back(chance(0.75, random) ? "feeder-1" : "feeder-2");
      for (std::uint32_t page = 1; page <= document.pages; ++page) painter.page(document, page, random);
      documents.push_back(std::move(document));
    }
    spool.Close();
  }
  nlohmann::json manifest = {
      {"job", options.job},
      {"client", "musterstadt"},
      {"application", "steuer"},
      {"print_file", "spool.pdf"},
      {"defaults",
       {{"paper", "a4-80"}, {"sides", options.sides}, {"inserter", "generic-omr"}, {"envelope", "auto"},
        {"consolidate", true}, {"inserts", nlohmann::json::array()}}},
  };
  auto& entries = manifest["documents"] = nlohmann::json::array();
  for (const auto& document : documents) {
    nlohmann::json entry = {{"id", document.id},
                            {"pages", std::to_string(document.first_page) + "-" +
                                          std::to_string(document.first_page + document.pages - 1)},
                            {"recipient", recipient_json(document.recipient)}};
    if (!document.inserts.empty()) entry["inserts"] = document.inserts;
    entries.push_back(entry);
  }
  std::ofstream(folder / "job.json") << manifest.dump(2) << "\n";
  return documents;
}

}  // namespace kuvert

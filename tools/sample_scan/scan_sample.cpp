#include "tools/sample_scan/scan_sample.hpp"

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <random>
#include <stdexcept>

#include "pipeline/model/utf8.hpp"
#include "pipeline/profiles/load_fonts.hpp"
#include "stages/compose/page_content.hpp"
#include "stages/compose/text_setter.hpp"
#include "pipeline/driver/output_folder.hpp"
#include "pipeline/driver/composed_pdf.hpp"

namespace kuvert::sample {
namespace {

constexpr double kPi = 3.14159265358979323846;

std::u32string letters_of(const std::string& utf8) {
  std::u32string out;
  for (std::size_t pos = 0; pos < utf8.size();) {
    const char32_t cp = next_code_point(utf8, pos);
    if (cp != U' ' && cp != U'\n' && cp != U'\f') out += cp;
  }
  return out;
}

std::size_t edit_distance(const std::u32string& a, const std::u32string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace

const std::vector<std::string>& known_text() {
  static const std::vector<std::string> lines{
      "Bescheid über Grundsteuer für das Kalenderjahr 2026",
      "Sehr geehrte Frau Müller-Lüdenscheidt,",
      "für den Grundbesitz Große Straße 12 wird die Grundsteuer festgesetzt.",
      "Der Betrag von 1.234,56 € ist am 15.02.2027 fällig.",
      "Bitte überweisen Sie ihn auf das Konto IBAN DE02 1203 0000 0000 2020 51.",
      "Kassenzeichen K-2026-000042, Aktenzeichen 32.1-0815/26.",
  };
  return lines;
}

std::vector<std::string> letter_text(unsigned n) {
  static const char* const names[] = {
      "geehrte Frau Müller-Lüdenscheidt", "geehrter Herr Weißenböck", "geehrte Frau Öztürk",
      "geehrter Herr Großkopf",           "geehrte Frau Jäger",       "geehrter Herr Schäfer"};
  static const char* const streets[] = {"Große Straße", "Lindenallee", "Am Mühlbach", "Königsweg"};
  char amount[32], due[16], kassenzeichen[32];
  const unsigned euros = 100 + (n * 7919) % 9000;
  std::snprintf(amount, sizeof amount, "%u.%03u,%02u", euros / 1000 + 1, euros % 1000, (n * 37) % 100);
  std::snprintf(due, sizeof due, "%02u.%02u.2027", 1 + n % 28, 1 + n % 12);
  std::snprintf(kassenzeichen, sizeof kassenzeichen, "K-2026-%06u", n);
  std::vector<std::string> lines{
      "Bescheid über Grundsteuer für das Kalenderjahr 2026",
      std::string("Sehr ") + names[n % 6] + ",",
      "für den Grundbesitz " + std::string(streets[n % 4]) + " " + std::to_string(1 + n % 97) +
          " wird die Grundsteuer festgesetzt.",
      std::string("Der Betrag von ") + amount + " € ist am " + due + " fällig.",
      "Bitte überweisen Sie ihn auf das Konto IBAN DE02 1203 0000 0000 2020 51.",
      std::string("Kassenzeichen ") + kassenzeichen + ", Aktenzeichen 32.1-0815/26.",
  };
  // A body as long as a real notice's, so that OCR reads a full page.
  static const char* const body[] = {
      "Die Festsetzung beruht auf dem Grundsteuermessbetrag, den das Finanzamt",
      "mit dem Bescheid über den Grundsteuerwert festgestellt hat. Der Hebesatz",
      "für Grundstücke beträgt nach der Haushaltssatzung 470 % und gilt für das",
      "gesamte Kalenderjahr. Änderungen des Messbetrags werden berücksichtigt,",
      "sobald das Finanzamt sie mitteilt; Sie erhalten dann einen neuen Bescheid.",
      "Rechtsbehelfsbelehrung: Gegen diesen Bescheid kann innerhalb eines Monats",
      "nach Bekanntgabe Widerspruch erhoben werden. Der Widerspruch ist schriftlich",
      "oder zur Niederschrift bei der Stadtkasse, Rathausplatz 1, einzulegen.",
      "Ein Widerspruch hat keine aufschiebende Wirkung; der festgesetzte Betrag ist",
      "auch dann zum Fälligkeitstag zu zahlen. Bei verspäteter Zahlung entstehen",
      "Säumniszuschläge in Höhe von 1 % des rückständigen Betrags für jeden",
      "angefangenen Monat der Säumnis (§ 240 Abgabenordnung). Bitte geben Sie bei",
      "jeder Zahlung das Kassenzeichen an, damit wir Ihre Zahlung zuordnen können.",
      "Wenn Sie uns ein SEPA-Lastschriftmandat erteilen, buchen wir die Beträge",
      "pünktlich ab. Das Formular finden Sie unter www.musterstadt.example/steuern.",
      "Für Rückfragen erreichen Sie das Steueramt montags bis freitags von 8 bis",
      "12 Uhr sowie donnerstags von 14 bis 18 Uhr unter der Rufnummer 0421 361-0.",
      "Dieser Bescheid wurde maschinell erstellt und ist ohne Unterschrift gültig.",
  };
  constexpr unsigned kBody = sizeof body / sizeof *body;
  for (unsigned i = 0; i < kBody; ++i) lines.push_back(body[(n + i) % kBody]);
  return lines;
}

scan::PixPtr text_page(const std::vector<std::string>& lines, const std::filesystem::path& fonts, int dpi) {
  const FontCatalog catalog = load_fonts(fonts);
  const compose::FontSet set(catalog, {"sans"});
  compose::TextSetter setter(set);
  compose::PageContent content;
  compose::GlyphUsage usage;
  double y = 760;
  for (const auto& line : lines) {
    content.text(set, setter.line(set.index("sans"), line), 70, y, 11, usage);
    y -= 18;
  }
  const UnnamedFile pdf(std::filesystem::temp_directory_path());
  write_composed_pdf(pdf.path(), set, {content.operators()}, usage);
  const std::unique_ptr<poppler::document> document(poppler::document::load_from_file(pdf.path().string()));
  const std::unique_ptr<poppler::page> page(document ? document->create_page(0) : nullptr);
  if (!page) throw std::runtime_error("poppler cannot read the composed page");
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing);
  renderer.set_image_format(poppler::image::format_gray8);
  const poppler::image image = renderer.render_page(page.get(), dpi, dpi);
  scan::PixPtr pix(pixCreate(image.width(), image.height(), 8));
  pixSetResolution(pix.get(), dpi, dpi);
  for (int row = 0; row < image.height(); ++row) {
    const auto* in = reinterpret_cast<const unsigned char*>(image.const_data()) +
                     static_cast<std::ptrdiff_t>(row) * image.bytes_per_row();
    l_uint32* line = pixGetData(pix.get()) + static_cast<std::ptrdiff_t>(row) * pixGetWpl(pix.get());
    for (int x = 0; x < image.width(); ++x) SET_DATA_BYTE(line, x, in[x]);
  }
  return pix;
}

scan::PixPtr skewed(Pix* page, double degrees) {
  return scan::PixPtr(
      pixRotate(page, static_cast<l_float32>(degrees * kPi / 180.0), L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
}

void sprinkle(Pix* page, int specks, unsigned seed) {
  std::mt19937 random(seed);
  const int w = pixGetWidth(page), h = pixGetHeight(page);
  for (int i = 0; i < specks; ++i) {
    const int x = static_cast<int>(random() % static_cast<unsigned>(w - 2));
    const int y = static_cast<int>(random() % static_cast<unsigned>(h - 2));
    for (int dy = 0; dy < 2; ++dy)
      for (int dx = 0; dx < 2; ++dx) pixSetPixel(page, x + dx, y + dy, 0);
  }
}

scan::PixPtr separator_sheet(const std::string& text) {
  scan::PixPtr page(pixCreate(2480, 3508, 8));
  pixSetResolution(page.get(), 300, 300);
  pixSetAllArbitrary(page.get(), 235);
  const ZXing::BitMatrix bars = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::Code128).encode(text, 0, 0);
  const int scale = 3, left = 600, top = 900, height = 300;
  for (int x = 0; x < bars.width(); ++x)
    if (bars.get(x, 0))
      for (int dx = 0; dx < scale; ++dx)
        for (int y = 0; y < height; ++y) pixSetPixel(page.get(), left + x * scale + dx, top + y, 20);
  return page;
}

scan::PixPtr blank_back(unsigned seed) {
  scan::PixPtr page(pixCreate(2480, 3508, 8));
  pixSetResolution(page.get(), 300, 300);
  pixSetAllArbitrary(page.get(), 240);
  sprinkle(page.get(), 40, seed);
  return page;
}

double character_accuracy(const std::string& expected, const std::string& read) {
  const auto want = letters_of(expected), got = letters_of(read);
  return 1.0 - static_cast<double>(edit_distance(want, got)) / static_cast<double>(want.size());
}

void write_tiny_page_tiff(const std::filesystem::path& tiff, unsigned count) {
  for (unsigned i = 0; i < count; ++i) {
    scan::PixPtr page(pixCreate(32, 32, 1));
    for (unsigned x = 0; x < i % 32; ++x) pixSetPixel(page.get(), static_cast<l_int32>(x), 0, 1);
    if (pixWriteTiff(tiff.c_str(), page.get(), IFF_TIFF_G4, i == 0 ? "w" : "a") != 0)
      throw std::runtime_error("cannot write " + tiff.string());
  }
}

}  // namespace kuvert::sample

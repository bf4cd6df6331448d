#include "tests/support/generated_page.hpp"

#include <algorithm>
#include <stdexcept>

#include "pipeline/model/utf8.hpp"
#include "pipeline/profiles/load_fonts.hpp"
#include "stages/compose/page_content.hpp"
#include "stages/compose/text_setter.hpp"
#include "tests/support/composed_pdf.hpp"
#include "tests/support/kuvert_job.hpp"
#include "tests/support/process.hpp"

namespace kuvert::test {
namespace {

std::u32string letters_of(const std::string& utf8) {
  std::u32string out;
  for (std::size_t pos = 0; pos < utf8.size();) {
    const char32_t cp = next_code_point(utf8, pos);
    if (cp != U' ' && cp != U'\n') out += cp;
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

void write_text_page(const std::filesystem::path& folder, const std::filesystem::path& png, int dpi) {
  const FontCatalog catalog = load_fonts(source_dir() / "fonts");
  const compose::FontSet fonts(catalog, {"sans"});
  compose::TextSetter setter(fonts);
  compose::PageContent content;
  compose::GlyphUsage usage;
  double y = 760;
  for (const auto& line : known_text()) {
    content.text(fonts, setter.line(fonts.index("sans"), line), 70, y, 11, usage);
    y -= 22;
  }
  const auto pdf = folder / "generated-page.pdf";
  write_composed_pdf(pdf, fonts, {content.operators()}, usage);
  auto stem = png;
  stem.replace_extension();
  const auto rendered = run_process({"pdftoppm", "-r", std::to_string(dpi), "-gray", "-png", "-singlefile",
                                     pdf.string(), stem.string()});
  if (rendered.exit_code != 0) throw std::runtime_error("pdftoppm failed: " + rendered.err);
}

double character_accuracy(const std::string& expected, const std::string& read) {
  const auto want = letters_of(expected), got = letters_of(read);
  return 1.0 - static_cast<double>(edit_distance(want, got)) / static_cast<double>(want.size());
}

}  // namespace kuvert::test

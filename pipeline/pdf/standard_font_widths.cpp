#include "pipeline/pdf/standard_font_widths.hpp"

#include <hb.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace kuvert::pdf {
namespace {

constexpr const char* kFolder = "/usr/share/fonts/truetype/liberation2/";

std::string_view without_subset_prefix(std::string_view name) {
  if (name.size() > 7 && name[6] == '+') name.remove_prefix(7);
  return name;
}

// The Liberation file standing in for a standard font ("Helvetica-Bold",
// also "Arial,Bold" and subset prefixes), or "".
std::string stand_in(std::string_view name) {
  const std::string base(without_subset_prefix(name));
  const bool bold = base.find("Bold") != std::string::npos;
  const bool italic = base.find("Italic") != std::string::npos || base.find("Oblique") != std::string::npos;
  std::string family;
  if (base.rfind("Helvetica", 0) == 0 || base.rfind("Arial", 0) == 0)
    family = "LiberationSans-";
  else if (base.rfind("Times", 0) == 0)
    family = "LiberationSerif-";
  else if (base.rfind("Courier", 0) == 0)
    family = "LiberationMono-";
  else
    return "";
  return family + (bold && italic ? "BoldItalic" : bold ? "Bold" : italic ? "Italic" : "Regular") + ".ttf";
}

// WinAnsiEncoding 0x80 to 0x9F (PDF 32000-1, annex D); the rest is Latin-1.
constexpr char32_t kWinAnsi80[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                     0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                     0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                     0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

std::optional<CodeWidths> read_widths(const std::string& file) {
  hb_blob_t* blob = hb_blob_create_from_file_or_fail((std::string(kFolder) + file).c_str());
  if (blob == nullptr) return std::nullopt;
  const std::unique_ptr<hb_face_t, decltype(&hb_face_destroy)> face(hb_face_create(blob, 0), hb_face_destroy);
  hb_blob_destroy(blob);
  const std::unique_ptr<hb_font_t, decltype(&hb_font_destroy)> font(hb_font_create(face.get()), hb_font_destroy);
  const double em = hb_face_get_upem(face.get());
  if (em <= 0) return std::nullopt;
  CodeWidths widths{};
  hb_codepoint_t space = 0;
  hb_font_get_nominal_glyph(font.get(), 0x20, &space);
  for (std::size_t code = 0; code < widths.size(); ++code) {
    const char32_t unicode = code >= 0x80 && code < 0xA0 ? kWinAnsi80[code - 0x80] : static_cast<char32_t>(code);
    hb_codepoint_t glyph = space;
    if (unicode != 0) hb_font_get_nominal_glyph(font.get(), unicode, &glyph);
    widths[code] = hb_font_get_glyph_h_advance(font.get(), glyph) * 1000.0 / em;
  }
  return widths;
}

}  // namespace

bool is_standard_font(std::string_view base_font) {
  static constexpr std::string_view kStandard[] = {
      "Helvetica",   "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique",
      "Times-Roman", "Times-Bold",     "Times-Italic",      "Times-BoldItalic",
      "Courier",     "Courier-Bold",   "Courier-Oblique",   "Courier-BoldOblique",
      "Symbol",      "ZapfDingbats"};
  const std::string_view name = without_subset_prefix(base_font);
  return std::find(std::begin(kStandard), std::end(kStandard), name) != std::end(kStandard);
}

std::optional<CodeWidths> standard_font_widths(std::string_view base_font) {
  const std::string file = stand_in(base_font);
  if (file.empty()) return std::nullopt;
  static std::mutex mutex;
  static std::map<std::string, std::optional<CodeWidths>> cache;
  const std::lock_guard lock(mutex);
  auto found = cache.find(file);
  if (found == cache.end()) found = cache.emplace(file, read_widths(file)).first;
  return found->second;
}

}  // namespace kuvert::pdf

#include "pipeline/pdf/font_metrics.hpp"

#include <algorithm>
#include <cmath>

#include "pipeline/model/utf8.hpp"
#include "pipeline/pdf/pdf_entries.hpp"
#include "pipeline/pdf/simple_encoding.hpp"
#include "pipeline/pdf/standard_font_widths.hpp"

namespace kuvert::pdf {
namespace {

using PoDoFo::PdfVariant;

bool is_name(const PdfVariant& value, const char* name) {
  return value.IsName() && value.GetName() == PoDoFo::PdfName(name);
}

bool has_program(const PdfVariant& descriptor) {
  if (!descriptor.IsDictionary()) return false;
  const auto& dict = descriptor.GetDictionary();
  return dict.HasKey("FontFile") || dict.HasKey("FontFile2") || dict.HasKey("FontFile3");
}

// A CID as the /W array gives it: a whole number of two bytes, or nothing.
std::optional<std::uint32_t> cid_of(const PdfVariant& value) {
  const auto number = pdf_numeric(value);
  if (!number || *number < 0 || *number > 0xFFFF) return std::nullopt;
  return static_cast<std::uint32_t>(*number);
}

void read_cid_widths(const PdfVariant& cid_font, PdfObjectReader& reader, FontMetrics& m) {
  m.default_width = pdf_numeric(entry(reader, cid_font, "DW")).value_or(1000);
  const PdfVariant w = entry(reader, cid_font, "W");
  if (!w.IsArray()) return;
  const auto& items = w.GetArray();
  for (std::size_t i = 0; i + 1 < items.size() && m.cid_widths.size() < kMaxCidWidths;) {
    const auto first = cid_of(reader.resolve(items[i]));
    const PdfVariant next = reader.resolve(items[i + 1]);
    if (!first) break;
    if (next.IsArray()) {  // c [w1 w2 ...]
      std::uint32_t cid = *first;
      for (const auto& width : next.GetArray()) {
        if (m.cid_widths.size() >= kMaxCidWidths || cid > 0xFFFF) break;
        m.cid_widths[cid++] = pdf_numeric(reader.resolve(width)).value_or(m.default_width);
      }
      i += 2;
    } else if (i + 2 < items.size()) {  // c_first c_last w
      const auto last = cid_of(next);
      const double width = pdf_numeric(reader.resolve(items[i + 2])).value_or(m.default_width);
      if (!last || *last < *first) break;
      for (std::uint32_t cid = *first; cid <= *last && m.cid_widths.size() < kMaxCidWidths; ++cid)
        m.cid_widths[cid] = width;
      i += 3;
    } else {
      break;
    }
  }
}

void read_simple_widths(const PdfVariant& font, const PdfVariant& descriptor, PdfObjectReader& reader, FontMetrics& m,
                        double scale) {
  const PdfVariant widths = entry(reader, font, "Widths");
  const auto first_char = pdf_numeric(entry(reader, font, "FirstChar"));
  const PdfVariant base_font = entry(reader, font, "BaseFont");
  const auto standard =
      !widths.IsArray() && base_font.IsName() ? standard_font_widths(base_font.GetName().GetName()) : std::nullopt;
  if (standard) {
    std::copy(standard->begin(), standard->end(), m.widths.begin());
    m.descent = -250;
    m.ascent = 950;
  } else if (widths.IsArray() && first_char && *first_char >= 0 && *first_char < 256) {
    const double missing = pdf_numeric(entry(reader, descriptor, "MissingWidth")).value_or(0) * scale;
    std::fill(m.widths.begin(), m.widths.end(), missing);
    const auto& items = widths.GetArray();
    for (std::size_t i = 0; i < items.size() && *first_char + static_cast<double>(i) < 256; ++i)
      m.widths[static_cast<std::size_t>(*first_char) + i] =
          std::abs(pdf_numeric(reader.resolve(items[i])).value_or(1100 / scale)) * scale;
  }
}

// A simple font's codes through its encoding: a named one, or a
// dictionary of /BaseEncoding and /Differences. Without one, a font that
// is not symbolic uses StandardEncoding, unless its program is a Type 1
// font in the file, whose own encoding only its program tells (as a
// symbolic font's).
void read_simple_text(const PdfVariant& font, const PdfVariant& descriptor, PdfObjectReader& reader, FontMetrics& m) {
  const PdfVariant encoding = entry(reader, font, "Encoding");
  const PdfVariant base = encoding.IsDictionary() ? entry(reader, encoding, "BaseEncoding") : encoding;
  std::optional<CodeUnicode> codes = base.IsName() ? named_encoding(base.GetName().GetName()) : std::nullopt;
  const auto flags = pdf_numeric(entry(reader, descriptor, "Flags"));
  const bool symbolic = flags && *flags >= 0 && *flags <= 0xFFFFFFFF && (static_cast<std::uint32_t>(*flags) & 4U);
  const bool symbol_font = m.name.find("Symbol") != std::string::npos || m.name.find("Dingbats") != std::string::npos;
  const bool own_encoding = descriptor.IsDictionary() && (descriptor.GetDictionary().HasKey("FontFile") ||
                                                          descriptor.GetDictionary().HasKey("FontFile3"));
  if (!codes && !symbolic && !symbol_font && !own_encoding) codes = named_encoding("StandardEncoding");
  if (codes) m.known_codes.set();
  if (!codes) codes.emplace();  // all none
  const PdfVariant differences = entry(reader, encoding, "Differences");
  if (differences.IsArray()) {
    std::uint32_t code = 256;
    for (const auto& item : differences.GetArray()) {
      const PdfVariant value = reader.resolve(item);
      if (const auto number = pdf_numeric(value)) {
        code = *number >= 0 && *number < 256 ? static_cast<std::uint32_t>(*number) : 256;
      } else if (value.IsName() && code < 256) {
        const auto unicode = glyph_name_unicode(value.GetName().GetName());
        (*codes)[code] = unicode.value_or(0);
        m.known_codes[code] = unicode.has_value();  // a name of the font's own: only its program knows
        ++code;
      }
    }
  }
  for (std::uint32_t code = 0; code < 256; ++code)
    if ((*codes)[code] != 0) append_utf8(m.text[code], (*codes)[code]);
}

// A font without its program is drawn with a standard font's metrics, as
// poppler does (the AFM files' ascender and descender); otherwise the
// descriptor's, where they are plausible.
void read_text_reach(const PdfVariant& descriptor, PdfObjectReader& reader, FontMetrics& m) {
  if (!m.embedded && m.standard) {
    const auto family = [&](const char* name) { return m.name.find(name) != std::string::npos; };
    if (family("Courier")) {
      m.text_ascent = 629, m.text_descent = -157;
    } else if (family("Times")) {
      m.text_ascent = 683, m.text_descent = -217;
    } else if (family("Helvetica")) {
      m.text_ascent = 718, m.text_descent = -207;
    }
    return;
  }
  if (const auto ascent = pdf_numeric(entry(reader, descriptor, "Ascent")); ascent && *ascent > 0 && *ascent < 1900)
    m.text_ascent = *ascent;
  if (const auto descent = pdf_numeric(entry(reader, descriptor, "Descent"));
      descent && *descent != 0 && std::abs(*descent) < 1900)
    m.text_descent = -std::abs(*descent);
}

}  // namespace

FontMetrics read_font(const PdfVariant& font, PdfObjectReader& reader) {
  FontMetrics m;
  if (!font.IsDictionary()) return m;
  const PdfVariant subtype = entry(reader, font, "Subtype");
  const bool composite = is_name(subtype, "Type0");
  // A composite font's widths and descriptor are its descendant's.
  PdfVariant owner = font;
  if (composite) {
    const PdfVariant descendants = entry(reader, font, "DescendantFonts");
    owner = descendants.IsArray() && !descendants.GetArray().empty() ? reader.resolve(descendants.GetArray()[0])
                                                                     : PdfVariant();
  }
  const PdfVariant base = entry(reader, font, "BaseFont");
  m.name = base.IsName() ? base.GetName().GetName() : "(no name)";
  m.standard = is_standard_font(m.name);
  const PdfVariant descriptor = entry(reader, owner, "FontDescriptor");
  m.embedded = is_name(subtype, "Type3") || has_program(descriptor);
  std::vector<double> matrix;  // a Type 3 font's glyph space
  if (composite) {
    const PdfVariant encoding = entry(reader, font, "Encoding");
    m.two_bytes = is_name(encoding, "Identity-H") || is_name(encoding, "Identity-V");
    m.vertical = is_name(encoding, "Identity-V");
    if (m.two_bytes && owner.IsDictionary()) read_cid_widths(owner, reader, m);
  } else {
    double scale = 1;  // Type 3 glyph space to thousandths of text space
    matrix = numbers(reader, entry(reader, font, "FontMatrix"));
    if (matrix.size() == 6) scale = std::max(std::abs(matrix[0]), std::abs(matrix[3])) * 1000;
    read_simple_widths(font, descriptor, reader, m, scale);
    if (matrix.size() == 6) {  // a Type 3 font's box is in its glyph space
      const std::vector<double> bbox = numbers(reader, entry(reader, font, "FontBBox"));
      if (bbox.size() == 4) {
        m.descent = std::min({bbox[1], bbox[3], 0.0}) * scale;
        m.ascent = std::max(bbox[1], bbox[3]) * scale;
      }
    }
  }
  // A composite font of another CMap than Identity keeps the widest
  // guesses: its codes are not read here.
  if (matrix.size() != 6 && (!composite || m.two_bytes)) {
    const std::vector<double> bbox = numbers(reader, entry(reader, descriptor, "FontBBox"));
    if (bbox.size() == 4 && bbox[3] > bbox[1]) {
      m.descent = std::min(bbox[1], 0.0);
      m.ascent = std::max(bbox[3], 0.0);
    }
  }
  read_text_reach(descriptor, reader, m);
  return m;
}

void read_font_text(const PdfVariant& font, PdfObjectReader& reader, FontMetrics& m) {
  m.text_read = true;
  if (!font.IsDictionary()) return;
  const bool composite = is_name(entry(reader, font, "Subtype"), "Type0");
  if (!composite) read_simple_text(font, entry(reader, font, "FontDescriptor"), reader, m);
  // /ToUnicode says what the codes mean, before any encoding; a composite
  // font of another CMap than Identity has codes of other lengths, which
  // are not read here (its pages go to poppler).
  if (!composite || m.two_bytes) {
    const std::string cmap = stream_of(reader, font.GetDictionary().GetKey("ToUnicode"));
    for (auto& [code, text] : read_to_unicode_cmap(cmap)) {
      if (code < 256) m.known_codes[code] = true;
      m.text[code] = std::move(text);
    }
  }
  for (auto& [code, text] : m.text) text = with_ligatures_as_letters(text);
}

std::string with_ligatures_as_letters(std::string_view text) {
  static const std::pair<std::string_view, std::string_view> kLetters[] = {
      {"\uFB00", "ff"},  {"\uFB01", "fi"}, {"\uFB02", "fl"}, {"\uFB03", "ffi"},
      {"\uFB04", "ffl"}, {"\uFB05", "st"}, {"\uFB06", "st"}};
  std::string out(text);
  if (out.find("\xEF\xAC") == std::string::npos) return out;  // U+FB00 to U+FB3F start so
  for (const auto& [ligature, letters] : kLetters)
    for (std::size_t at = out.find(ligature); at != std::string::npos; at = out.find(ligature, at + letters.size()))
      out.replace(at, ligature.size(), letters);
  return out;
}

void FontMetricsCache::start_page() {
  in_place_.clear();
  page_codes_ = 0;
  if (kept_codes_ <= kMaxKeptFontCodes) return;
  by_object_.clear();
  kept_codes_ = 0;
}

void FontMetricsCache::count(std::size_t codes, PdfObjectReader& reader) {
  page_codes_ += codes;
  if (page_codes_ > kMaxPageFontCodes)
    reader.fail("has a page whose fonts describe more than " + std::to_string(kMaxPageFontCodes) +
                " character codes; no letter's fonts have as many");
}

const FontMetrics& FontMetricsCache::font(std::uint32_t number, const PoDoFo::PdfVariant& font, PdfObjectReader& reader,
                                          bool with_text) {
  FontMetrics* metrics = nullptr;
  if (number != 0)
    if (const auto cached = by_object_.find(number); cached != by_object_.end()) metrics = &cached->second;
  if (!metrics) {
    // Each font read counts, whatever it holds: a form drawn many times
    // reads its fonts given in place each time.
    FontMetrics read = read_font(font, reader);
    const std::size_t codes = kFontCost + read.cid_widths.size();
    count(codes, reader);
    if (number == 0) {
      metrics = &in_place_.emplace_back(std::move(read));
    } else {
      kept_codes_ += codes;
      metrics = &by_object_.emplace(number, std::move(read)).first->second;
    }
  }
  if (with_text && !metrics->text_read) {
    read_font_text(font, reader, *metrics);
    count(metrics->text.size(), reader);
    if (number != 0) kept_codes_ += metrics->text.size();
  }
  return *metrics;
}

}  // namespace kuvert::pdf

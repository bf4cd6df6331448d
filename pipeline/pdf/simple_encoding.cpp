#include "pipeline/pdf/simple_encoding.hpp"

#include <charconv>
#include <string>
#include <unordered_map>

namespace kuvert::pdf {
namespace {

// The glyph names of codes 0x20 to 0xFF, whitespace-separated, "." where
// the encoding has no glyph (PDF 1.7, Annex D).
constexpr std::string_view kAscii =
    "space exclam quotedbl numbersign dollar percent ampersand quotesingle parenleft parenright asterisk plus comma "
    "hyphen period slash zero one two three four five six seven eight nine colon semicolon less equal greater "
    "question at A B C D E F G H I J K L M N O P Q R S T U V W X Y Z bracketleft backslash bracketright "
    "asciicircum underscore grave a b c d e f g h i j k l m n o p q r s t u v w x y z braceleft bar braceright "
    "asciitilde .";
constexpr std::string_view kWinAnsiHigh =
    "Euro . quotesinglbase florin quotedblbase ellipsis dagger daggerdbl circumflex perthousand Scaron guilsinglleft "
    "OE . Zcaron . . quoteleft quoteright quotedblleft quotedblright bullet endash emdash tilde trademark scaron "
    "guilsinglright oe . zcaron Ydieresis "
    "space exclamdown cent sterling currency yen brokenbar section dieresis copyright ordfeminine guillemotleft "
    "logicalnot hyphen registered macron degree plusminus twosuperior threesuperior acute mu paragraph "
    "periodcentered cedilla onesuperior ordmasculine guillemotright onequarter onehalf threequarters questiondown "
    "Agrave Aacute Acircumflex Atilde Adieresis Aring AE Ccedilla Egrave Eacute Ecircumflex Edieresis Igrave Iacute "
    "Icircumflex Idieresis Eth Ntilde Ograve Oacute Ocircumflex Otilde Odieresis multiply Oslash Ugrave Uacute "
    "Ucircumflex Udieresis Yacute Thorn germandbls agrave aacute acircumflex atilde adieresis aring ae ccedilla "
    "egrave eacute ecircumflex edieresis igrave iacute icircumflex idieresis eth ntilde ograve oacute ocircumflex "
    "otilde odieresis divide oslash ugrave uacute ucircumflex udieresis yacute thorn ydieresis";
constexpr std::string_view kMacRomanHigh =
    "Adieresis Aring Ccedilla Eacute Ntilde Odieresis Udieresis aacute agrave acircumflex adieresis atilde aring "
    "ccedilla eacute egrave ecircumflex edieresis iacute igrave icircumflex idieresis ntilde oacute ograve "
    "ocircumflex odieresis otilde uacute ugrave ucircumflex udieresis dagger degree cent sterling section bullet "
    "paragraph germandbls registered copyright trademark acute dieresis notequal AE Oslash infinity plusminus "
    "lessequal greaterequal yen mu partialdiff summation product pi integral ordfeminine ordmasculine Omega ae "
    "oslash questiondown exclamdown logicalnot radical florin approxequal Delta guillemotleft guillemotright "
    "ellipsis space Agrave Atilde Otilde OE oe endash emdash quotedblleft quotedblright quoteleft quoteright "
    "divide lozenge ydieresis Ydieresis fraction currency guilsinglleft guilsinglright fi fl daggerdbl "
    "periodcentered quotesinglbase quotedblbase perthousand Acircumflex Ecircumflex Aacute Edieresis Egrave "
    "Iacute Icircumflex Idieresis Igrave Oacute Ocircumflex apple Ograve Uacute Ucircumflex Ugrave dotlessi "
    "circumflex tilde macron breve dotaccent ring cedilla hungarumlaut ogonek caron";
constexpr std::string_view kStandardHigh =
    ". . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . . "
    ". exclamdown cent sterling fraction yen florin section currency quotesingle quotedblleft guillemotleft "
    "guilsinglleft guilsinglright fi fl . endash dagger daggerdbl periodcentered . paragraph bullet "
    "quotesinglbase quotedblbase quotedblright guillemotright ellipsis perthousand . questiondown "
    ". grave acute circumflex tilde macron breve dotaccent dieresis . ring cedilla . hungarumlaut ogonek caron "
    "emdash . . . . . . . . . . . . . . . "
    ". AE . ordfeminine . . . . Lslash Oslash OE ordmasculine . . . . "
    ". ae . . . dotlessi . . lslash oslash oe germandbls . . . .";

// Unicode of the Windows-1252 codes 0x80 to 0x9F (0: none); from 0xA0 on
// the code is the Unicode value.
constexpr std::array<char32_t, 32> kWindows1252High = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                                       0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                                       0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                                       0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

template <typename Each>
void each_name(std::string_view names, unsigned first_code, Each each) {
  unsigned code = first_code;
  std::size_t at = 0;
  while (at < names.size()) {
    const std::size_t end = std::min(names.find(' ', at), names.size());
    if (const auto name = names.substr(at, end - at); name != ".") each(code, name);
    ++code;
    at = end + 1;
  }
}

const std::unordered_map<std::string_view, char32_t>& glyph_list() {
  static const auto list = [] {
    std::unordered_map<std::string_view, char32_t> names;
    each_name(kAscii, 0x20, [&](unsigned code, std::string_view name) { names.emplace(name, code); });
    each_name(kWinAnsiHigh, 0x80, [&](unsigned code, std::string_view name) {
      names.emplace(name, code < 0xA0 ? kWindows1252High[code - 0x80] : code);
    });
    // Names the Mac and Standard encodings add, with a few more of the list's.
    for (const auto& [name, value] : std::initializer_list<std::pair<std::string_view, char32_t>>{
             {"fi", 0xFB01},        {"fl", 0xFB02},           {"ff", 0xFB00},           {"ffi", 0xFB03},
             {"ffl", 0xFB04},       {"dotlessi", 0x0131},     {"Lslash", 0x0141},       {"lslash", 0x0142},
             {"fraction", 0x2044},  {"caron", 0x02C7},        {"breve", 0x02D8},        {"dotaccent", 0x02D9},
             {"ring", 0x02DA},      {"ogonek", 0x02DB},       {"hungarumlaut", 0x02DD}, {"minus", 0x2212},
             {"nbspace", 0x00A0},   {"sfthyphen", 0x00AD},    {"notequal", 0x2260},     {"infinity", 0x221E},
             {"lessequal", 0x2264}, {"greaterequal", 0x2265}, {"partialdiff", 0x2202},  {"summation", 0x2211},
             {"product", 0x220F},   {"pi", 0x03C0},           {"integral", 0x222B},     {"Omega", 0x2126},
             {"radical", 0x221A},   {"approxequal", 0x2248},  {"Delta", 0x2206},        {"lozenge", 0x25CA},
             {"apple", 0xF8FF},     {"quoteright", 0x2019},   {"quoteleft", 0x2018}})
      names.emplace(name, value);
    return names;
  }();
  return list;
}

CodeUnicode encoding_of(std::string_view high, bool standard_quotes) {
  CodeUnicode codes{};
  const auto& list = glyph_list();
  const auto put = [&](unsigned code, std::string_view name) { codes[code] = list.at(name); };
  each_name(kAscii, 0x20, put);
  each_name(high, 0x80, put);
  if (standard_quotes) {  // StandardEncoding's 0x27 and 0x60 are the typographic quotes
    codes[0x27] = 0x2019;
    codes[0x60] = 0x2018;
  }
  return codes;
}

std::optional<char32_t> hex_value(std::string_view digits) {
  std::uint32_t value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value, 16);
  if (error != std::errc{} || end != digits.data() + digits.size()) return std::nullopt;
  if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return std::nullopt;
  return static_cast<char32_t>(value);
}

}  // namespace

std::optional<CodeUnicode> named_encoding(std::string_view name) {
  static const CodeUnicode win = encoding_of(kWinAnsiHigh, false);
  static const CodeUnicode mac = encoding_of(kMacRomanHigh, false);
  static const CodeUnicode standard = encoding_of(kStandardHigh, true);
  if (name == "WinAnsiEncoding") return win;
  if (name == "MacRomanEncoding") return mac;
  if (name == "StandardEncoding") return standard;
  return std::nullopt;
}

std::optional<char32_t> glyph_name_unicode(std::string_view name) {
  const auto& list = glyph_list();
  if (const auto found = list.find(name); found != list.end()) return found->second;
  // A suffix (".sc", ".alt") names a variant of the same character.
  if (const auto dot = name.find('.'); dot != std::string_view::npos && dot > 0)
    return glyph_name_unicode(name.substr(0, dot));
  if (name.size() == 7 && name.substr(0, 3) == "uni") return hex_value(name.substr(3));
  if (name.size() >= 5 && name.size() <= 7 && name[0] == 'u') return hex_value(name.substr(1));
  return std::nullopt;
}

}  // namespace kuvert::pdf

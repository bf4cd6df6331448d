#include "pipeline/pdf/to_unicode_cmap.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "pipeline/model/utf8.hpp"
#include "pipeline/pdf/content_lexer.hpp"

namespace kuvert::pdf {
namespace {

using Kind = ContentToken::Kind;

std::optional<std::uint32_t> code_of(const ContentToken& token) {
  if (token.kind != Kind::string || token.text.empty() || token.text.size() > 4) return std::nullopt;
  std::uint32_t code = 0;
  for (const char byte : token.text) code = (code << 8) | static_cast<std::uint8_t>(byte);
  return code;
}

std::vector<char16_t> utf16_units(std::string_view bytes) {
  std::vector<char16_t> units;
  for (std::size_t i = 0; i + 1 < bytes.size(); i += 2)
    units.push_back(
        static_cast<char16_t>((static_cast<std::uint8_t>(bytes[i]) << 8) | static_cast<std::uint8_t>(bytes[i + 1])));
  return units;
}

std::string utf8_of(const std::vector<char16_t>& units) {
  std::string text;
  for (std::size_t i = 0; i < units.size() && text.size() < kMaxCmapText; ++i) {
    const char16_t unit = units[i];
    if (unit >= 0xD800 && unit <= 0xDBFF && i + 1 < units.size() && units[i + 1] >= 0xDC00 && units[i + 1] <= 0xDFFF) {
      append_utf8(text, 0x10000 + ((static_cast<char32_t>(unit) - 0xD800) << 10) + (units[i + 1] - 0xDC00));
      ++i;
    } else {
      append_utf8(text, unit >= 0xD800 && unit <= 0xDFFF ? char32_t{0xFFFD} : char32_t{unit});
    }
  }
  return text;
}

}  // namespace

CodeText read_to_unicode_cmap(std::string_view cmap) {
  CodeText codes;
  ContentLexer lexer(cmap);
  ContentToken token;
  enum class Section { none, bfchar, bfrange } section = Section::none;
  std::vector<ContentToken> operands;  // of the entry being read
  bool in_array = false;
  std::vector<ContentToken> array;
  // Every code an entry gives costs a step, whether it is new or not: a
  // map of many ranges over the same codes ends as soon as one that is not.
  std::size_t steps = 0;
  const auto put = [&](std::uint32_t code, const std::vector<char16_t>& units) {
    ++steps;
    if (codes.size() < kMaxCmapCodes || codes.count(code)) codes[code] = utf8_of(units);
  };
  while (steps < kMaxCmapSteps && lexer.next(token)) {
    if (token.kind == Kind::keyword) {
      if (token.text == "beginbfchar") section = Section::bfchar;
      if (token.text == "beginbfrange") section = Section::bfrange;
      if (token.text == "endbfchar" || token.text == "endbfrange") section = Section::none;
      operands.clear();
      in_array = false;
      continue;
    }
    if (section == Section::none) continue;
    if (token.kind == Kind::array_begin) {
      in_array = true;
      array.clear();
      continue;
    }
    if (in_array && token.kind != Kind::array_end) {
      if (token.kind == Kind::string && array.size() < kMaxCmapCodes) array.push_back(token);
      continue;
    }
    if (token.kind != Kind::string && token.kind != Kind::array_end && token.kind != Kind::name) continue;
    operands.push_back(token);
    if (section == Section::bfchar && operands.size() == 2) {
      // <code> <text>, or <code> /glyphname, which says nothing of Unicode
      if (const auto code = code_of(operands[0]); code && operands[1].kind == Kind::string)
        put(*code, utf16_units(operands[1].text));
      operands.clear();
    } else if (section == Section::bfrange && operands.size() == 3) {
      const auto low = code_of(operands[0]), high = code_of(operands[1]);
      if (low && high && *low <= *high) {
        const std::uint64_t count = std::min<std::uint64_t>(std::uint64_t{*high} - *low + 1, kMaxCmapCodes);
        if (operands[2].kind == Kind::array_end) {  // <low> <high> [<text> ...]: one text a code
          for (std::uint64_t i = 0; i < count && i < array.size() && steps < kMaxCmapSteps; ++i)
            put(*low + static_cast<std::uint32_t>(i), utf16_units(array[i].text));
        } else if (operands[2].kind == Kind::string) {  // <low> <high> <text>: its last unit counts up
          std::vector<char16_t> units = utf16_units(operands[2].text);
          for (std::uint64_t i = 0; i < count && !units.empty() && steps < kMaxCmapSteps; ++i) {
            put(*low + static_cast<std::uint32_t>(i), units);
            if (units.back() == 0xFFFF) break;
            ++units.back();
          }
        }
      }
      in_array = false;
      operands.clear();
    }
    if (token.kind == Kind::array_end) in_array = false;
  }
  return codes;
}

}  // namespace kuvert::pdf

#include "stages/compose/postal_lines.hpp"

#include "pipeline/model/utf8.hpp"

namespace kuvert::compose {
namespace {

char32_t upper(char32_t cp) {
  if (cp >= 'a' && cp <= 'z') return cp - 0x20;
  if ((cp >= 0xE0 && cp <= 0xFE && cp != 0xF7)) return cp - 0x20;  // à..þ without ÷
  if (cp == 0xFF) return 0x178;                                    // ÿ
  // Latin Extended-A pairs capital, small; 0x138 (ĸ) and 0x149 (ŉ) have none.
  if (cp >= 0x100 && cp <= 0x137 && (cp & 1)) return cp - 1;
  if (cp >= 0x139 && cp <= 0x148 && !(cp & 1)) return cp - 1;
  if (cp >= 0x14A && cp <= 0x177 && (cp & 1)) return cp - 1;
  if ((cp == 0x17A || cp == 0x17C || cp == 0x17E)) return cp - 1;
  return cp;
}

}  // namespace

std::string upper_case(const std::string& text) {
  std::string out;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t start = pos;
    const char32_t cp = next_code_point(text, pos);
    if (cp == kNotUtf8) {  // not ours to case: copied as it is
      out.append(text, start, pos - start);
    } else if (cp == 0xDF) {  // ß
      out += "SS";
    } else {
      append_utf8(out, upper(cp));
    }
  }
  return out;
}

std::optional<std::vector<std::string>> postal_lines(const Recipient& recipient,
                                                    const std::map<std::string, std::string>& country_names) {
  std::vector<std::string> lines = recipient.name;
  lines.push_back(recipient.street);
  if (recipient.domestic()) {
    lines.push_back(recipient.postcode + " " + recipient.city);
    return lines;
  }
  const auto country = country_names.find(recipient.country);
  if (country == country_names.end()) return std::nullopt;
  lines.push_back(recipient.postcode.empty() ? upper_case(recipient.city)
                                             : recipient.postcode + " " + upper_case(recipient.city));
  lines.push_back(country->second);
  return lines;
}

}  // namespace kuvert::compose

#include "pipeline/model/text_template.hpp"

namespace kuvert {

std::vector<std::string> TextTemplate::fields() const {
  std::vector<std::string> names;
  for (const auto& part : parts)
    if (!part.field.empty()) names.push_back(part.field);
  return names;
}

TemplateParse parse_template(std::string_view text) {
  TemplateParse result;
  auto& parts = result.parsed.parts;
  std::string literal;
  const auto fail = [&](std::string problem) {
    result.problem = std::move(problem);
    result.parsed.parts.clear();
    return result;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      literal += c;
      ++i;
      continue;
    }
    if (c == '}') return fail("a closing brace at " + std::to_string(i + 1) + " has no opening one (write }} for a brace)");
    if (c != '{') {
      literal += c;
      continue;
    }
    const std::size_t close = text.find('}', i);
    if (close == std::string_view::npos)
      return fail("an opening brace at " + std::to_string(i + 1) + " is never closed (write {{ for a brace)");
    std::string_view inside = text.substr(i + 1, close - i - 1);
    TemplatePart part;
    if (const auto colon = inside.find(':'); colon != std::string_view::npos) {
      const std::string_view digits = inside.substr(colon + 1);
      if (digits.size() != 1 || digits[0] < '0' || digits[0] > '6')
        return fail("\"{" + std::string(inside) + "}\": the decimals after ':' must be a digit from 0 to 6");
      part.decimals = digits[0] - '0';
      inside = inside.substr(0, colon);
    }
    if (inside.empty()) return fail("\"{}\" names no field");
    if (!literal.empty()) parts.push_back({std::move(literal), "", std::nullopt});
    literal.clear();
    part.field = std::string(inside);
    parts.push_back(std::move(part));
    i = close;
  }
  if (!literal.empty()) parts.push_back({std::move(literal), "", std::nullopt});
  return result;
}

}  // namespace kuvert

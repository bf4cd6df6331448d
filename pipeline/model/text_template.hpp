#pragma once
// Texts with placeholders, as layouts write them: "Kassenzeichen {reference}",
// "{rate:3}" (a number with three decimals). "{{" and "}}" stand for braces.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kuvert {

struct TemplatePart {
  std::string literal;  // text as it stands, or
  std::string field;    // a placeholder's field (literal is then empty)
  std::optional<int> decimals;
};

struct TextTemplate {
  std::vector<TemplatePart> parts;

  std::vector<std::string> fields() const;
};

// The parts of `text`, or what is wrong with it ("an opening brace at 7 is
// never closed", "\"{}\" names no field", "decimals after ':' must be 0 to 6").
struct TemplateParse {
  TextTemplate parsed;
  std::string problem;  // empty when it parsed
};
TemplateParse parse_template(std::string_view text);

}  // namespace kuvert

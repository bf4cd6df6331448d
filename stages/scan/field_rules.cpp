#include "stages/scan/field_rules.hpp"

#include <algorithm>
#include <regex>

namespace kuvert::scan {
namespace {

std::string without_spaces(std::string_view text) {
  std::string out;
  for (const char c : text)
    if (c != ' ') out += c;
  return out;
}

// OCR reads a zero as the letter O now and then; where an IBAN must have
// digits (its check digits, and all of a German one's account part) the
// letter is read as the digit. The checksum then decides.
std::string iban_digits_restored(std::string compact) {
  const std::size_t digits_until =
      compact.starts_with("DE") ? compact.size() : std::min<std::size_t>(4, compact.size());
  for (std::size_t i = 2; i < digits_until; ++i) {
    if (compact[i] == 'O') compact[i] = '0';
    if (compact[i] == 'I' || compact[i] == 'l') compact[i] = '1';
  }
  return compact;
}

}  // namespace

bool valid_iban(std::string_view iban) {
  const std::string compact = without_spaces(iban);
  if (compact.size() < 15 || compact.size() > 34) return false;
  for (std::size_t i = 0; i < compact.size(); ++i) {
    const char c = compact[i];
    const bool letter = c >= 'A' && c <= 'Z', digit = c >= '0' && c <= '9';
    if (i < 2 ? !letter : i < 4 ? !digit : !(letter || digit)) return false;
  }
  // The first four characters move to the end; letters count as 10 to 35.
  const std::string rotated = compact.substr(4) + compact.substr(0, 4);
  unsigned remainder = 0;
  for (const char c : rotated) {
    const unsigned value = c <= '9' ? static_cast<unsigned>(c - '0') : static_cast<unsigned>(c - 'A' + 10);
    remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder == 1;
}

std::vector<FoundField> find_fields(const std::string& text, const std::vector<ScanFieldRule>& rules) {
  std::vector<FoundField> found;
  for (const auto& rule : rules) {
    const std::regex pattern(rule.pattern, std::regex::ECMAScript);
    for (auto match = std::sregex_iterator(text.begin(), text.end(), pattern); match != std::sregex_iterator();
         ++match) {
      std::string value = match->size() > 1 && (*match)[1].matched ? (*match)[1].str() : match->str();
      if (rule.iban) {
        value = without_spaces(value);
        if (!valid_iban(value)) value = iban_digits_restored(value);
        if (!valid_iban(value)) continue;
      }
      const bool seen = std::any_of(found.begin(), found.end(), [&](const FoundField& field) {
        return field.name == rule.name && field.value == value;
      });
      if (!seen) found.push_back({rule.name, std::move(value)});
    }
  }
  return found;
}

}  // namespace kuvert::scan

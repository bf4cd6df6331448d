#pragma once
// Index fields found in a document's OCR text by a scan profile's rules:
// named regular expressions (Kassenzeichen, Aktenzeichen, dates, amounts),
// and IBANs, accepted only with a valid checksum.
#include <string>
#include <string_view>
#include <vector>

namespace kuvert::scan {

struct FieldRule {
  std::string name;     // "kassenzeichen"
  std::string pattern;  // ECMAScript; the first group is the value, or the whole match without one
  bool iban = false;    // the value must be an IBAN with a valid checksum
};

struct FoundField {
  std::string name;
  std::string value;
};

// Every match of every rule, in the text's order per rule; IBANs without
// their spaces, and only those whose checksum holds. Throws
// std::regex_error for a pattern that is no regular expression (profiles
// are checked when they are loaded).
std::vector<FoundField> find_fields(const std::string& text, const std::vector<FieldRule>& rules);

// ISO 13616: two letters, two check digits, up to 30 letters and digits;
// spaces are ignored; the number modulo 97 must be 1.
bool valid_iban(std::string_view iban);

}  // namespace kuvert::scan

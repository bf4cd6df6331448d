#pragma once
// Index fields found in a document's OCR text by a scan profile's rules:
// named regular expressions (Kassenzeichen, Aktenzeichen, dates, amounts),
// and IBANs, accepted only with a valid checksum.
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/model/scan_profile.hpp"

namespace kuvert::scan {

struct FoundField {
  std::string name;
  std::string value;
};

// Every match of every rule, in the text's order per rule, each value once;
// IBANs without their spaces, and only those whose checksum holds (a
// letter O where digits must be is read as a zero first). Throws
// std::regex_error for a pattern that is no regular expression (profiles
// are checked when they are loaded).
// A rule's value is its pattern's first group, or the whole match when it
// has none.
std::vector<FoundField> find_fields(const std::string& text, const std::vector<ScanFieldRule>& rules);

// ISO 13616: two letters, two check digits, up to 30 letters and digits;
// spaces are ignored; the number modulo 97 must be 1.
bool valid_iban(std::string_view iban);

}  // namespace kuvert::scan

#pragma once
// CSV as the outputs write it (RFC 4180): fields quoted only when they hold
// a comma, a quote or a line break, rows ending in CRLF. Operators open
// these files in a spreadsheet, so a field that begins with '=', '+', '-',
// '@', a tab or a carriage return gets a leading apostrophe (OWASP's advice
// against formula injection): "=HYPERLINK(...)" in a recipient's name is
// shown as text, never run.
#include <string>
#include <vector>

namespace kuvert {

std::string csv_row(const std::vector<std::string>& fields);

}  // namespace kuvert

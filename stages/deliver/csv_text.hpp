#pragma once
// CSV as the outputs write it (RFC 4180): fields quoted only when they hold
// a comma, a quote or a line break, rows ending in CRLF.
#include <string>
#include <vector>

namespace kuvert {

std::string csv_row(const std::vector<std::string>& fields);

}  // namespace kuvert

#pragma once
#include <map>
#include <string>
#include <vector>

namespace kuvert::test {

// Rows of an RFC 4180 CSV file with a header line, as column -> value.
std::vector<std::map<std::string, std::string>> read_csv(const std::string& text);

}  // namespace kuvert::test

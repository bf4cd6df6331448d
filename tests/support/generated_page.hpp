#pragma once
// Test support: a page of known German text set by kuvert's compose stage
// and rendered like a 300 dpi scan, for the scan tests.
#include <filesystem>
#include <string>
#include <vector>

namespace kuvert::test {

// The lines every generated page carries: umlauts, ß, amounts, an IBAN.
const std::vector<std::string>& known_text();

// Renders known_text() (8-bit grey PNG at `dpi`) into `png`.
void write_text_page(const std::filesystem::path& folder, const std::filesystem::path& png, int dpi = 300);

// The text's characters without spaces and line breaks, and the share of
// them `read` gets right (1 - edit distance / length).
double character_accuracy(const std::string& expected, const std::string& read);

}  // namespace kuvert::test

#pragma once
// Test support: a page of known German text set by kuvert's compose stage
// and rendered like a 300 dpi scan (tools/sample_scan), for the scan tests.
#include <filesystem>

#include "tools/sample_scan/scan_sample.hpp"

namespace kuvert::test {

using sample::character_accuracy;
using sample::known_text;

// known_text() as a grey page at `dpi`.
scan::PixPtr text_page(int dpi = 300);
// The same, written into `png`.
void write_text_page(const std::filesystem::path& png, int dpi = 300);

}  // namespace kuvert::test

// A scan batch's part file and plan (pipeline/driver/scan_parts), as the
// worker that assembles the batch reads what other workers wrote on the
// shared file area: the bytes as a part's entries, then as a plan.
#include <sstream>
#include <string>

#include "pipeline/driver/scan_plan_file.hpp"
#include "pipeline/model/error.hpp"
#include "stages/scan/scan_part_file.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    kuvert::ScanPartReader reader(in, "pages.cbor");
    while (reader.next()) {
    }
  } catch (const kuvert::Error&) {
  }
  kuvert::fuzz::input_file(data, size, kuvert::kScanPlanFile);
  try {
    const auto plan = kuvert::read_scan_plan(kuvert::fuzz::fuzz_folder());
    if (kuvert::file_starts(plan).back() > plan.files.size() * 2000) __builtin_trap();
  } catch (const kuvert::Error&) {
  }
  return 0;
}

// A results file from an inserter (generic CSV or a reprint list), read as
// the service will read what lands in a printer's results folder.
#include <sstream>
#include <string>

#include "stages/reconcile/results_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  std::size_t pieces = 0;
  const auto reading = kuvert::read_results(
      in, "R0001.results.csv", [&](const kuvert::ResultEvent& event) { pieces += event.piece.size() > 0 ? 1 : 0; });
  if (reading.problems.size() > kuvert::kMaxResultsProblems + 1) __builtin_trap();
  return 0;
}

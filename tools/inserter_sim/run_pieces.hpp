#pragma once
// The pieces of a run as its inserter's software knows them: from the
// pieces control file kuvert writes beside the run file (README, Control
// files), CSV or fixed-width as the profile asks. The machine matches what
// its reader sees against this list.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kuvert::inserter_sim {

struct RunPiece {
  std::string id;  // as the 2D code carries it
  std::uint32_t sheets = 0;
  std::vector<int> feeder_stations;
};

// Past this many pieces a control file is refused (a run holds far fewer).
inline constexpr std::size_t kMaxRunPieces = 10'000'000;

// Reads `file` (".csv" or ".txt" for fixed width). Throws kuvert::Error
// (input) naming the file, line and column for anything it cannot take.
std::vector<RunPiece> read_run_pieces(const std::filesystem::path& file);

}  // namespace kuvert::inserter_sim

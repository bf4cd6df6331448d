#pragma once
// How people name a run: "J12-R0001", run R0001 of job 12, said aloud on
// the floor and written the same way in the console, the printer folder's
// file names, the command line, the audit trail and the print room's paper.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kuvert {

struct RunNumber {
  std::int64_t job = 0;
  std::string run;  // "R0001"
  bool operator==(const RunNumber&) const = default;
};

std::string run_number(std::int64_t job, std::string_view run);

// "J12-R0001" (the letters in either case) read back: a job number from 1
// without leading zeros, then R (a run) or N (a reprint run, "J12-N0001")
// and four or more digits; nothing otherwise.
std::optional<RunNumber> parse_run_number(std::string_view text);

}  // namespace kuvert

#pragma once
// A results file an inserter writes back (README, "Results files"): what
// became of each piece. Two forms, told apart by the first line:
//
//   generic results  UTF-8 CSV with a header naming `piece` and `status`,
//                    optionally `time`, `station`, `note`, `run`; one line
//                    per event
//   reprint list     one piece id per line and nothing else: every piece
//                    listed is damaged (the others of its runs are ok,
//                    which reconciliation decides, not this reader)
//
// Read as a stream, one line at a time, so that a file of a million pieces
// never stands in memory; each event is handed on as it is read. Every
// problem is collected (up to kMaxResultsProblems), with its line; a caller
// applies nothing of a file that has any.
#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "pipeline/model/error.hpp"
#include "pipeline/model/insert_status.hpp"

namespace kuvert {

inline constexpr std::size_t kMaxResultsLineBytes = 4096;
inline constexpr std::uint64_t kMaxResultsLines = 20'000'000;
inline constexpr std::size_t kMaxResultsProblems = 100;

struct ResultEvent {
  std::uint64_t line = 0;  // 1-based, in the file
  std::string piece;       // as the 2D code and R.csv carry it
  InsertStatus status = InsertStatus::ok;
  std::string time;  // ISO 8601, "" when not given
  std::string station;
  std::string note;
  std::string run;  // the `run` column, "" when the file has none
};

enum class ResultsForm { generic, reprint_list };

struct ResultsReading {
  ResultsForm form = ResultsForm::generic;
  std::uint64_t events = 0;
  std::vector<Diagnostic> problems;  // Where::file, Where::record ("line 7"), Where::field
};

// Reads `in` (the file `file`, for messages), handing each good event to
// `each` in file order.
ResultsReading read_results(std::istream& in, const std::string& file,
                            const std::function<void(const ResultEvent&)>& each);

}  // namespace kuvert

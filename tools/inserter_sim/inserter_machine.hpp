#pragma once
// The folder-inserter's logic: it takes the fed sheets one by one, knows
// each by its marks (a DataMatrix names its piece and "sheet n of m"; OMR
// bars are matched against the control file, counting as the machine
// counts), gathers them into pieces and inserts a piece only when all its
// sheets came in order and whole. Everything else is diverted. Pure: the
// marks come already read.
#include <map>
#include <string>
#include <vector>

#include "pipeline/model/insert_status.hpp"
#include "pipeline/model/inserter_profile.hpp"
#include "tools/inserter_sim/run_pieces.hpp"
#include "tools/inserter_sim/sheet_code.hpp"
#include "tools/inserter_sim/stack_faults.hpp"

namespace kuvert::inserter_sim {

// One line of the results file.
struct PieceEvent {
  std::string piece;
  InsertStatus status = InsertStatus::ok;
  std::size_t position = 0;  // the fed sheet it happened at (for its time)
  std::string station;       // "reader", "double-detect", "folder", "track", "insert", "control"
  std::string note;
};

struct MachineRun {
  const InserterProfile* profile = nullptr;
  // The run's pieces from its control file, in print order; may be empty
  // for DataMatrix (then no piece is reported missing).
  std::vector<RunPiece> pieces;
  std::size_t sheets = 0;      // in the run file
  bool report_missing = true;  // pieces never seen: `missing` at the end
};

// `codes`: every sheet's marks, by print index. Throws kuvert::Error (input)
// for OMR without control file.
std::vector<PieceEvent> run_inserter(const MachineRun& run, const std::vector<FedSheet>& fed,
                                     const std::vector<SheetCode>& codes);

// What each piece's lines come to, as kuvert reads a results file: a later
// line replaces an earlier one, except that a duplicate stands.
std::map<std::string, InsertStatus> last_statuses(const std::vector<PieceEvent>& events);

// The sheets in the order the machine takes them (reverse order: the last
// printed first).
std::vector<std::size_t> feed_order(const InserterProfile& profile, std::size_t sheets);

}  // namespace kuvert::inserter_sim

#pragma once
// The OMR code of one sheet: which bars of an inserter profile's column are
// printed. Pure function of the profile and where the sheet stands in its
// run and mail piece; safe to call from any thread.
#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/model/error.hpp"
#include "pipeline/model/inserter_profile.hpp"

namespace kuvert {

// Where one physical sheet stands, in print order (the order of the run
// file). Counts are 1-based.
struct SheetContext {
  std::string run_id;    // "R0001"
  std::string piece_id;  // "R0001-000042"
  std::uint32_t sheet_in_run = 1;
  std::uint32_t run_sheets = 1;
  std::uint32_t sheet_in_piece = 1;
  std::uint32_t piece_sheets = 1;
  std::vector<int> feeder_stations;  // stations the piece takes inserts from
  std::string job_key;               // sets the job apart from others on the same inserter ("3F2A9C1D")
  // A sheet of no piece that the inserter must divert: a banner sheet
  // before the run (driver/printer_file.hpp). run_sheets is the run's.
  bool divert = false;
};

// Where a sheet's problems are reported: the piece it belongs to.
inline Where where_of(const SheetContext& sheet) {
  Where where;
  where.record = sheet.piece_id;
  return where;
}

// One bool per profile position, true where a bar is printed:
//
// - The inserter sees the run in feed order: with order = reverse it takes
//   the last printed sheet first, so the feed number is
//   run_sheets - sheet_in_run + 1, and the piece's last sheet as fed is its
//   first printed one.
// - start and safety: always. divert: only on a divert sheet. stop: never
//   (reserved).
// - a divert sheet (SheetContext::divert, printed before the run's
//   run_sheets sheets) carries start, divert, safety and parity, no
//   feeder, the insert mark as a sheet that closes no piece (so with
//   negative logic it is printed), and the sequence of the sheet fed just
//   before the run's first, or in reverse order just after its last, so
//   that a machine checking the sequence across it sees none broken. On a
//   profile without a divert position it carries no bar at all (a reader
//   finds no start mark and no piece).
// - insert: on the collation sheet, the piece's last sheet as fed
//   (collation_mark = end) or its first (begin); negative logic prints it on
//   every other sheet instead.
// - feeder n: on the collation sheet, when the piece uses station n.
// - sequence: value = (feed number - 1) mod 2^bits, bits = number of
//   sequence positions; direction down counts 2^bits - 1 - that value. The
//   position of weight w shows bit w of the value.
// - parity: printed when needed to make the sheet's bar count even (or odd).
//
// Throws Error(ErrorKind::internal) when the counts contradict each other
// (a sheet beyond its run or piece, a zero count).
std::vector<bool> omr_bars(const InserterProfile& profile, const SheetContext& sheet);

// Whether the profile has a position that tells the inserter to divert a
// sheet.
bool has_divert_position(const InserterProfile& profile);

// How many sheets the sequence bars count before they repeat: 2^bits (the
// weights are 1, 2, 4, ... without gaps); 1 without sequence bars.
std::uint32_t sequence_modulus(const InserterProfile& profile);

// Whether this sheet closes (end) or opens (begin) its piece as the inserter
// takes it: the sheet that carries the insert and feeder marks.
bool is_collation_sheet(const InserterProfile& profile, const SheetContext& sheet);

}  // namespace kuvert

#pragma once
// The control files an inserter's software reads beside the run file, as
// its profile asks ([control_files] of layouts/inserters/NAME.toml):
//
//   R0001.pieces.csv|.txt  one record per piece, in sequence: piece id (as
//                          the 2D code carries it), sequence, sheets, feeder
//                          stations, envelope, postage product, manual handling
//   R0001.sheets.csv|.txt  one record per sheet, in print order, as a mail
//                          run data file has it: piece id, sheet n of m,
//                          the feeder stations to fire (on the piece's last
//                          sheet only), divert
//
// CSV as R.csv (csv_text.hpp); fixed-width text is ASCII (German letters
// spelt out: model/ascii_text.hpp), one record per line ending in CRLF, each
// field left-aligned and space-padded or, for numbers, zero-padded (the
// columns are in the README). A value that does not fit its column is
// refused, never cut.
#include <array>
#include <string>
#include <vector>

#include "pipeline/model/inserter_profile.hpp"
#include "pipeline/model/print_run.hpp"

namespace kuvert {

// One column of a control file: its CSV header, its width in the
// fixed-width form, and whether it is a number (zero-padded there). The
// tables below are the files' layout, for writing and for reading back.
struct ControlColumn {
  const char* name;
  std::size_t width;
  bool number;
};
inline constexpr std::array<ControlColumn, 7> kPieceColumns{{{"piece", 32, false},
                                                             {"sequence", 6, true},
                                                             {"sheets", 3, true},
                                                             {"feeders", 24, false},
                                                             {"envelope", kControlEnvelopeColumn, false},
                                                             {"product", kControlProductColumn, false},
                                                             {"manual", 1, false}}};
inline constexpr std::array<ControlColumn, 5> kSheetColumns{
    {{"piece", 32, false}, {"sheet", 3, true}, {"of", 3, true}, {"feeders", 24, false}, {"divert", 1, false}}};

struct ControlFile {
  std::string name;  // "R0001.pieces.csv"
  std::string bytes;
};

// The control files of one run for `inserter`; none for a run finished by
// hand. `job_key` as in the run's codes. Throws kuvert::Error (input) for a
// value that does not fit a fixed-width column, naming the file, piece and
// column.
std::vector<ControlFile> control_files(const PrintRun& run, const RunContents& contents,
                                       const InserterProfile& inserter, const std::string& job_key);

// A sheets file (`bytes`, as control_files wrote it) for a printer's file
// that begins with a banner sheet: the banner's record first (`banner_id`,
// the job key and run as its code has them, "3F2A9C1D-R0001"; sheet 1 of
// 1, no feeders, divert Y), then the run's, so record n is sheet n.
std::string sheets_with_banner(const std::string& bytes, ControlFormat format, const std::string& banner_id);

}  // namespace kuvert

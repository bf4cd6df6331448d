#pragma once
// The 2D code of one sheet for inserters that read a DataMatrix.
//
// Payload (ASCII, fields separated by '|'):
//
//   3F2A9C1D-R0001-000042|S02/03|F1,2
//   ^ job key ^ piece      ^ sheet ^ feeder stations
//
// - job key: sets this job's pieces apart from every other job's on the
//   same inserter (run and piece ids restart in every job); the ticket
//   names it. Left out when empty.
// - piece: the run id, '-', and the piece's id within the run. MailPiece
//   ids already have this form ("R0001-000042"); a piece id that does not
//   start with "<run id>-" is written in full after it.
// - S<n>/<m>: sheet n of the piece's m sheets, in print order, at least two
//   digits each.
// - F<stations>: the feeder stations the piece takes inserts from,
//   ascending, comma-separated; "F" alone when none. Every sheet of the
//   piece carries them, as it carries the piece id.
//
// A divert sheet (a banner) carries "3F2A9C1D-R0001|DIVERT": the job key
// and run, and the word that tells the reader it belongs to no piece.
//
// The ids must be printable ASCII without '|'. With the job key the
// payload needs at least 17 codewords, so the encoder picks square symbols
// (zxing-cpp would choose a rectangular 12 x 26 for 13 to 16), which more
// readers find.
#include <string>
#include <vector>

#include "stages/impose/control_marks.hpp"

namespace kuvert {

// Throws Error(ErrorKind::internal) when an id breaks the rules above.
std::string datamatrix_payload(const SheetContext& sheet);

// How a divert sheet of `run` names itself, in its code and in the sheets
// control file: "3F2A9C1D-R0001", the run alone without a job key.
std::string divert_sheet_id(const std::string& job_key, const std::string& run);

// A DataMatrix symbol without quiet zone, one entry per module, row by row
// from the top-left; true is a dark module.
struct ModuleMatrix {
  int width = 0;
  int height = 0;
  std::vector<bool> dark;

  bool at(int x, int y) const { return dark[static_cast<std::size_t>(y) * width + x]; }
};

// Encodes with zxing-cpp (ECC 200, the smallest symbol that holds the
// payload). Throws Error(ErrorKind::internal) if the encoder refuses it.
ModuleMatrix datamatrix_modules(const std::string& payload);

}  // namespace kuvert

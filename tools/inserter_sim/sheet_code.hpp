#pragma once
// What an inserter's reader makes of one sheet's marks: the DataMatrix
// payload taken apart (stages/impose/datamatrix_code.hpp), or the OMR bars
// as read, to be matched against the control file. Pure functions.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kuvert::inserter_sim {

struct SheetCode {
  bool readable = false;
  std::string problem;  // why not, for the results file's note
  // DataMatrix: the piece and "sheet n of m" in print order.
  std::string piece;
  std::uint32_t sheet = 0, of = 0;
  // OMR: one entry per profile position, true where a bar was seen.
  std::vector<bool> bars;
  // A sheet of no piece (a banner): its divert bar or "|DIVERT" code, or
  // no bar at all on the first sheet for a profile without a divert
  // position (sheet_camera.hpp). The machine diverts it without counting.
  bool divert = false;
};

SheetCode unreadable(std::string problem);

// "3", "03": a count from 1, the whole text; nothing otherwise.
std::optional<std::uint32_t> count_from_1(std::string_view text);

// "3F2A9C1D-R0001-000042|S02/03|F1,2", or "3F2A9C1D-R0001|DIVERT" for a
// divert sheet: unreadable (with the reason) when it has neither form.
SheetCode decode_datamatrix(const std::string& payload);

}  // namespace kuvert::inserter_sim

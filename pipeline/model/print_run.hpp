#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "pipeline/model/mail_piece.hpp"

namespace kuvert {

// What all pieces of one run share; runs are grouped by it.
struct RunSettings {
  std::string paper;
  Sides sides = Sides::duplex;
  std::string envelope;
  std::string inserter;
  std::vector<std::string> inserts;  // feeder stations the run needs loaded
  bool manual = false;               // hand-finished: no control marks
  friend bool operator==(const RunSettings&, const RunSettings&) = default;
};

// One printable batch, presorted, with pieces numbered continuously.
struct PrintRun {
  std::string id;  // "R0001", sortable
  RunSettings settings;
  // Runs with the same settings, split at the maximum sheet count, are
  // parts 1..parts of one presorted sequence, printed and posted together.
  std::size_t part = 1;
  std::size_t parts = 1;
  std::vector<MailPiece> pieces;

  std::size_t sheet_count() const {
    std::size_t n = 0;
    for (const auto& piece : pieces) n += piece.sheets.size();
    return n;
  }
};

}  // namespace kuvert

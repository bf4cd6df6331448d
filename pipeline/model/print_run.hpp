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
  std::vector<MailPiece> pieces;

  std::size_t sheet_count() const {
    std::size_t n = 0;
    for (const auto& piece : pieces) n += piece.sheets.size();
    return n;
  }
};

}  // namespace kuvert

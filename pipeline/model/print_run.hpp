#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
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

// One printable batch: its pieces presorted, to be numbered 1, 2, ... in
// this order. The pieces themselves are made when the run is written
// (plan/pieces.hpp).
struct PrintRun {
  std::string id;  // "R0001", sortable
  RunSettings settings;
  // Runs with the same settings, split at the maximum sheet count, are
  // parts 1..parts of one presorted sequence, printed and posted together.
  std::size_t part = 1;
  std::size_t parts = 1;
  PieceDocuments pieces;
  std::size_t sheet_count = 0;
};

// A run ready to be written: its pieces in full (plan/pieces.hpp) and the
// identities (ids and addresses) of their documents, by index into Job::documents.
struct RunContents {
  std::vector<MailPiece> pieces;
  std::unordered_map<std::uint32_t, DocumentIdentity> identities;

  const DocumentIdentity& identity(std::uint32_t document) const { return identities.at(document); }
};

}  // namespace kuvert

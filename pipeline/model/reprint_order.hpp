#pragma once
// A reprint the service orders of `kuvert run --reprint FILE`: the
// documents of a reconciled run's failed pieces, made again from the job's
// input under new piece ids, in runs named N0001, N0002, ... (Nachdruck),
// numbered on from `first_run` so that no run of the job has a name twice.
#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace kuvert {

struct ReprintedPiece {
  std::string piece;                   // the failed piece, as its code carried it
  std::vector<std::string> documents;  // its documents' ids
  bool operator==(const ReprintedPiece&) const = default;
};

struct ReprintOrder {
  std::string run;  // the run whose pieces failed: "R0001"
  std::size_t first_run = 1;
  std::vector<ReprintedPiece> pieces;
  bool operator==(const ReprintOrder&) const = default;
};

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ReprintedPiece, piece, documents)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ReprintOrder, run, first_run, pieces)

// The letter reprint runs are named with.
inline constexpr char kReprintRunLetter = 'N';

}  // namespace kuvert

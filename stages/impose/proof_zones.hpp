#pragma once
// What a proof (`kuvert proof`) draws over each imposed page, on a layer
// of its own: the zones a printer and an inserter check, in mm from the
// sheet's top-left corner. On the page that faces the window: the DIN 5008
// address field with its return-address zone and 5 mm writing margin, and
// the part of the envelope's window that shows it at every position, with
// the 3 mm to spare (DOMAIN.md). On every page: the folds, the hole mark,
// the inserter's clear zone and mark positions on the side it reads, and
// the printable area.
#include <string>
#include <vector>

#include "pipeline/model/envelope_profile.hpp"
#include "pipeline/model/inserter_profile.hpp"
#include "pipeline/model/letter_layout.hpp"

namespace kuvert {

// `split`: a region a split profile reads (kuvert split --proof).
enum class ZoneKind { address, window, inserter, fold, printable, split };

struct ProofZone {
  ZoneKind kind = ZoneKind::printable;
  RectMm box;  // a line runs from (x, y) to (x + width, y + height)
  bool line = false;
  bool dashed = false;
  std::string label;  // "" for none; set inside a box's top left (a window's bottom left), above a line
};

struct ProofPage {
  LetterForm form = LetterForm::b;
  const EnvelopeProfile* envelope = nullptr;
  const InserterProfile* inserter = nullptr;  // none for a manual run
  bool back = false;                          // the back of a duplex sheet
  bool faces_window = false;                  // the first page of its piece
};

// The printer's border that production printers do not print in.
inline constexpr double kUnprintableBorderMm = 5;

std::vector<ProofZone> proof_zones(const ProofPage& page);

// The zones' outlines as PDF content operators (points), their labels left
// to the caller.
std::string zone_outlines(const std::vector<ProofZone>& zones);
// A kind's colour as PDF writes RGB: "0.85 0 0".
const char* zone_colour(ZoneKind kind);
// A kind's name: "address", "window", "inserter", "fold", "printable", "split".
const char* zone_name(ZoneKind kind);

}  // namespace kuvert

#pragma once
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/model/letter_layout.hpp"

namespace kuvert {

// What a mark position means to the inserter (DOMAIN.md, control marks).
enum class MarkFunction { start, insert, feeder, sequence, parity, divert, stop, safety };

struct MarkPosition {
  MarkFunction function = MarkFunction::start;
  int feeder = 0;  // station number, for MarkFunction::feeder
  int weight = 0;  // bit value (4, 2, 1), for MarkFunction::sequence
};

enum class CodeKind { omr, datamatrix };
enum class SheetSide { front, back };
// Which sheet of a piece carries the insert mark.
enum class CollationMark { end_of_collation, begin_of_collation };
// Negative logic inverts the insert mark: printed on every sheet but the marked one.
enum class MarkLogic { positive, negative };
enum class Parity { none, even, odd };
enum class SequenceDirection { up, down };
// Reverse: the inserter takes the run's sheets from the last to the first.
enum class CollationOrder { normal, reverse };
// The letter fold the folder makes: Z (zigzag: the address panel folds back,
// the foot panel forward) or C (wrap: the foot panel folds in, the address
// panel wraps around it).
enum class LetterFold { z, c };
// Where the machine's collator lays each sheet it takes of a piece: forward,
// beneath the ones before, so the first sheet taken ends in front of the
// window; reverse, on top of them, so the last one does.
enum class SetCollation { forward, reverse };

// A feeder station and the insert it holds.
struct Feeder {
  std::string name;  // "feeder-1"
  int station = 0;
  std::string insert;  // what it holds, for tickets
  double weight_g = 0;
  double thickness_mm = 0;
};

struct RectMm {
  double x = 0, y = 0, width = 0, height = 0;  // from the sheet's top-left corner
};

// What a machine needs of OMR marks, from its manual ([limits] of a
// profile): checked when the profile is loaded.
struct MarkLimits {
  std::string source;  // the manual or document the numbers come from
  double bar_length_min_mm = 0;
  double bar_thickness_min_mm = 0;
  double edge_min_mm = 0;          // from the bars to the sheet's edge
  double clear_beside_min_mm = 0;  // clear zone left and right of the column
  double clear_above_min_mm = 0;
  double clear_below_min_mm = 0;
};

// The control files a machine's software reads beside the run file
// (stages/deliver/control_files.hpp): one record per piece, one per sheet,
// each as CSV or as fixed-width text; none where the profile names none.
enum class ControlFormat { csv, fixed };
struct ControlFiles {
  std::optional<ControlFormat> pieces;
  std::optional<ControlFormat> sheets;
};
// The fixed-width columns for names from the profiles, in ASCII characters
// (checked when the profiles load).
inline constexpr std::size_t kControlEnvelopeColumn = 12;
inline constexpr std::size_t kControlProductColumn = 32;

// A folder-inserter's reading profile (layouts/inserters/NAME.toml).
struct InserterProfile {
  std::string name;
  CodeKind code = CodeKind::omr;
  SheetSide side = SheetSide::front;

  // OMR: a column of bars, read top to bottom.
  std::vector<MarkPosition> positions;
  double first_mark_y_mm = 0;  // centre line of the first bar from the top edge
  double pitch_mm = 4.23;
  double bar_x_mm = 0;
  double bar_length_mm = 10;
  double bar_thickness_mm = 0.5;
  CollationMark collation_mark = CollationMark::end_of_collation;
  MarkLogic logic = MarkLogic::positive;
  Parity parity = Parity::even;
  SequenceDirection sequence_direction = SequenceDirection::up;
  CollationOrder order = CollationOrder::normal;

  // DataMatrix: top-left corner of the symbol and the module size.
  double code_x_mm = 0;
  double code_y_mm = 0;
  double module_mm = 0.5;

  RectMm clear_zone;  // kept white on both sides of every sheet
  // Print files for this machine carry marks of their own in the clear
  // zone, which kuvert may paint over; otherwise ink there refuses the page.
  bool paint_over_source_marks = false;
  std::optional<MarkLimits> limits;
  // The DIN 5008 forms whose folds (form A at 87 and 192 mm, form B at 105
  // and 210 mm) the machine's folder is set for; its marks keep clear of
  // all of them.
  std::vector<LetterForm> letter_forms = {LetterForm::b};
  // Which sheet of a piece faces the window follows from these two; kuvert
  // prints the address sheet where the machine takes it (plan/sheets.hpp).
  LetterFold fold = LetterFold::z;
  SetCollation collation = SetCollation::forward;

  // Capacity: up to fold_limit sheets are folded into `folded_envelope`,
  // above that up to flat_limit sheets go flat into `flat_envelope`.
  int fold_limit_sheets = 8;
  int flat_limit_sheets = 60;
  std::string folded_envelope = "c6-5";
  std::string flat_envelope = "c4";
  std::vector<Feeder> feeders;
  ControlFiles control_files;

  const Feeder* feeder(const std::string& feeder_name) const {
    for (const auto& f : feeders)
      if (f.name == feeder_name) return &f;
    return nullptr;
  }
  // The stations that feed `inserts` (feeder names), in station order.
  std::vector<int> stations(const std::vector<std::string>& inserts) const {
    std::vector<int> result;
    for (const auto& name : inserts)
      if (const auto* f = feeder(name)) result.push_back(f->station);
    std::sort(result.begin(), result.end());
    result.erase(std::unique(result.begin(), result.end()), result.end());
    return result;
  }
};

// Whether `inserter` needs a piece's address sheet printed as its last: it
// takes the last printed sheet first (order = reverse) or puts the last
// sheet it takes in front of the window (collation = reverse), not both.
inline bool address_sheet_printed_last(const InserterProfile& inserter) {
  return (inserter.order == CollationOrder::reverse) != (inserter.collation == SetCollation::reverse);
}

}  // namespace kuvert

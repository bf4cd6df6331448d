#include "stages/impose/control_marks.hpp"

#include <algorithm>

#include "pipeline/model/error.hpp"

namespace kuvert {
namespace {

void check_counts(const SheetContext& sheet) {
  if (sheet.run_sheets == 0 || sheet.sheet_in_run == 0 || sheet.sheet_in_run > sheet.run_sheets ||
      sheet.piece_sheets == 0 || sheet.sheet_in_piece == 0 || sheet.sheet_in_piece > sheet.piece_sheets)
    throw Error(ErrorKind::internal, where_of(sheet),
                "inconsistent sheet counts: sheet " + std::to_string(sheet.sheet_in_run) + " of " +
                    std::to_string(sheet.run_sheets) + " in run " + sheet.run_id + ", sheet " +
                    std::to_string(sheet.sheet_in_piece) + " of " + std::to_string(sheet.piece_sheets) +
                    " in its piece");
}

bool reversed(const InserterProfile& profile) { return profile.order == CollationOrder::reverse; }

std::uint32_t sequence_value(const InserterProfile& profile, const SheetContext& sheet) {
  const std::uint32_t modulus = sequence_modulus(profile);
  // Feed 0 is a sheet fed before the run's first (a divert sheet).
  const std::int64_t feed = reversed(profile) ? std::int64_t{sheet.run_sheets} - sheet.sheet_in_run + 1
                                              : std::int64_t{sheet.sheet_in_run};
  const auto up = static_cast<std::uint32_t>(((feed - 1) % modulus + modulus) % modulus);
  return profile.sequence_direction == SequenceDirection::up ? up : modulus - 1 - up;
}

}  // namespace

std::uint32_t sequence_modulus(const InserterProfile& profile) {
  std::uint32_t modulus = 1;
  for (const auto& position : profile.positions)
    if (position.function == MarkFunction::sequence) modulus += static_cast<std::uint32_t>(position.weight);
  return modulus;
}

bool is_collation_sheet(const InserterProfile& profile, const SheetContext& sheet) {
  check_counts(sheet);
  const bool first_printed = sheet.sheet_in_piece == 1;
  const bool last_printed = sheet.sheet_in_piece == sheet.piece_sheets;
  const bool first_fed = reversed(profile) ? last_printed : first_printed;
  const bool last_fed = reversed(profile) ? first_printed : last_printed;
  return profile.collation_mark == CollationMark::end_of_collation ? last_fed : first_fed;
}

bool has_divert_position(const InserterProfile& profile) {
  return std::any_of(profile.positions.begin(), profile.positions.end(),
                     [](const MarkPosition& position) { return position.function == MarkFunction::divert; });
}

std::vector<bool> omr_bars(const InserterProfile& profile, const SheetContext& sheet) {
  if (sheet.divert && !has_divert_position(profile)) return std::vector<bool>(profile.positions.size(), false);
  // A divert sheet is no collation sheet, and counts as the sheet fed just
  // before the run's first (or after its last, in reverse order), so that
  // a machine checking the sequence across it finds no break.
  const bool collation = is_collation_sheet(profile, sheet) && !sheet.divert;
  SheetContext counted = sheet;
  if (sheet.divert) counted.sheet_in_run = 0;  // fed first, or in reverse order last
  const std::uint32_t sequence = sequence_value(profile, counted);
  const auto uses = [&sheet](int station) {
    return std::find(sheet.feeder_stations.begin(), sheet.feeder_stations.end(), station) !=
           sheet.feeder_stations.end();
  };

  std::vector<bool> bars(profile.positions.size(), false);
  int count = 0;
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const MarkPosition& position = profile.positions[i];
    switch (position.function) {
      case MarkFunction::start:
      case MarkFunction::safety:
        bars[i] = true;
        break;
      case MarkFunction::insert:
        bars[i] = collation != (profile.logic == MarkLogic::negative);
        break;
      case MarkFunction::feeder:
        bars[i] = collation && uses(position.feeder);
        break;
      case MarkFunction::sequence:
        bars[i] = (sequence & static_cast<std::uint32_t>(position.weight)) != 0;
        break;
      case MarkFunction::divert:
        bars[i] = sheet.divert;
        break;
      case MarkFunction::parity:
      case MarkFunction::stop:
        break;
    }
    count += bars[i] ? 1 : 0;
  }
  if (profile.parity != Parity::none) {
    const bool odd_count = count % 2 == 1;
    const bool bar = profile.parity == Parity::even ? odd_count : !odd_count;
    for (std::size_t i = 0; i < bars.size(); ++i)
      if (profile.positions[i].function == MarkFunction::parity) bars[i] = bar;
  }
  return bars;
}

}  // namespace kuvert

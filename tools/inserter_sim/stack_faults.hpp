#pragma once
// What goes wrong between the printer's output tray and the envelope, as
// faults placed on a run's stack of sheets in feed order:
//
//   lost         the sheet never reaches the feeder (fell off the stack)
//   double-feed  the feeder pulls it and the next sheet together
//   torn         the folder tears it
//   jam          the machine jams on it and the run ends there: the
//                operator takes the pieces in the track out, and the rest
//                of the stack is not fed
//   twice        its whole piece comes twice (the printer, recovering
//                from a jam of its own, printed the piece again)
//   shuffle      it and the next sheet change places (a dropped stack)
//
// Pure functions: where the faults fall is chosen by a seed or given.
#include <cstdint>
#include <string>
#include <vector>

namespace kuvert::inserter_sim {

enum class FaultKind { lost, double_feed, torn, jam, twice, shuffle };

struct Fault {
  FaultKind kind = FaultKind::lost;
  std::size_t position = 1;  // the sheet, 1-based in feed order
  bool operator==(const Fault&) const = default;
};

std::string fault_text(const Fault& fault);  // "double-feed@12"

// "KIND@N"; throws kuvert::Error (input, field "--fault") otherwise.
Fault parse_fault(const std::string& text);

// `count` faults of every kind in turn at positions drawn from `seed`
// (std::mt19937, the same on every machine), in feed order, none on the
// sheets of another (see feed_stack).
std::vector<Fault> random_faults(std::size_t count, std::uint32_t seed, const std::vector<std::size_t>& feed_order,
                                 const std::vector<std::size_t>& piece_of);

// One sheet as the feeder takes it.
struct FedSheet {
  std::size_t sheet = 0;     // 0-based in print order
  std::size_t position = 1;  // 1-based in feed order, as the faults name it
  bool double_fed = false;   // the next sheet of the stack went with it
  bool torn = false;
  bool jam = false;
};

// The stack fed as it is after the faults. `feed_order`: the sheets in the
// order the machine takes them; `piece_of`: each sheet's piece (by print
// index), which `twice` needs. Throws kuvert::Error (input) for a fault
// beyond the stack, or two on the same sheets (a double feed and a shuffle
// take the sheet after theirs too, `twice` every sheet of its piece).
std::vector<FedSheet> feed_stack(const std::vector<std::size_t>& feed_order, const std::vector<std::size_t>& piece_of,
                                 const std::vector<Fault>& faults);

}  // namespace kuvert::inserter_sim

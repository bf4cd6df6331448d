#include "tools/inserter_sim/inserter_machine.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <optional>
#include <set>

#include "pipeline/model/error.hpp"
#include "stages/impose/control_marks.hpp"

namespace kuvert::inserter_sim {
namespace {

// What the machine takes a sheet to be.
struct SheetIdentity {
  bool known = false;
  bool divert = false;  // a sheet of no piece, diverted uncounted
  std::string problem;
  std::string piece;
  std::uint32_t fed_index = 0;  // 1..of, in the order the machine takes the piece's sheets
  std::uint32_t of = 0;
};

// Where every sheet of the run stands by the control file: its piece and
// place, in print order.
struct PrintedSheet {
  std::size_t piece = 0;
  std::uint32_t sheet_in_piece = 1;
};

class SheetIdentifier {
 public:
  explicit SheetIdentifier(const MachineRun& run) : run_(run), modulus_(sequence_modulus(*run.profile)) {
    for (std::size_t p = 0; p < run.pieces.size(); ++p) {
      sheets_of_[run.pieces[p].id] = run.pieces[p].sheets;
      for (std::uint32_t s = 1; s <= run.pieces[p].sheets; ++s) printed_.push_back({p, s});
    }
    if (run.profile->code == CodeKind::omr && printed_.size() != run.sheets)
      throw Error(ErrorKind::input, Where{.field = "control file"},
                  "an OMR inserter needs the run's pieces control file, and its " + std::to_string(printed_.size()) +
                      " sheets must be the run file's " + std::to_string(run.sheets));
  }

  SheetIdentity identify(const SheetCode& code) {
    if (code.readable && code.divert) return {.divert = true};
    if (!code.readable) {
      ++next_feed_;  // it took a sheet all the same
      return {.problem = code.problem};
    }
    if (run_.profile->code == CodeKind::datamatrix) {
      // With a control file the machine knows its pieces: a sheet of
      // another is diverted, never reported under a foreign id.
      if (!sheets_of_.empty()) {
        const auto listed = sheets_of_.find(code.piece);
        if (listed == sheets_of_.end() || listed->second != code.of)
          return {.problem =
                      "piece " + code.piece + " of " + std::to_string(code.of) + " sheets is not in the control file"};
      }
      const bool reverse = run_.profile->order == CollationOrder::reverse;
      return {.known = true,
              .piece = code.piece,
              .fed_index = reverse ? code.of - code.sheet + 1 : code.sheet,
              .of = code.of};
    }
    // OMR: the nearest sheet to the count whose marks the control file
    // expects as read; ahead of the count, sheets went missing, behind it,
    // sheets came again. Bars repeat every `modulus_` sheets, so that is as
    // far as a machine can tell its place (lost sheets first on a tie).
    for (std::int64_t step = 0; step < 2 * static_cast<std::int64_t>(modulus_) - 1; ++step) {
      const std::int64_t d = step % 2 == 1 ? (step + 1) / 2 : -step / 2;  // 0, +1, -1, +2, -2, ...
      const std::int64_t feed = static_cast<std::int64_t>(next_feed_) + d;
      if (feed < 1 || feed > static_cast<std::int64_t>(printed_.size())) continue;
      const std::size_t index = print_index(static_cast<std::size_t>(feed));
      if (omr_bars(*run_.profile, context(index)) != code.bars) continue;
      next_feed_ = static_cast<std::size_t>(feed) + 1;
      const auto& sheet = printed_[index];
      const auto& piece = run_.pieces[sheet.piece];
      const bool reverse = run_.profile->order == CollationOrder::reverse;
      return {.known = true,
              .piece = piece.id,
              .fed_index = reverse ? piece.sheets - sheet.sheet_in_piece + 1 : sheet.sheet_in_piece,
              .of = piece.sheets};
    }
    ++next_feed_;
    return {.problem = "marks match no sheet the control file expects here"};
  }

 private:
  std::size_t print_index(std::size_t feed) const {
    return run_.profile->order == CollationOrder::reverse ? printed_.size() - feed : feed - 1;
  }

  SheetContext context(std::size_t index) const {
    const auto& sheet = printed_[index];
    const auto& piece = run_.pieces[sheet.piece];
    SheetContext context;
    context.sheet_in_run = static_cast<std::uint32_t>(index + 1);
    context.run_sheets = static_cast<std::uint32_t>(printed_.size());
    context.sheet_in_piece = sheet.sheet_in_piece;
    context.piece_sheets = piece.sheets;
    context.feeder_stations = piece.feeder_stations;
    return context;
  }

  const MachineRun& run_;
  std::vector<PrintedSheet> printed_;
  std::map<std::string, std::uint32_t> sheets_of_;  // the control file's pieces
  std::uint32_t modulus_;
  std::size_t next_feed_ = 1;
};

// A piece being gathered.
struct OpenPiece {
  std::string piece;
  std::uint32_t next = 1, of = 0;
};

class Gatherer {
 public:
  void take(const FedSheet& fed, const SheetIdentity& id) {
    position_ = fed.position;
    if (!id.known) {
      if (open_) {
        divert(open_->piece, "reader",
               id.divert ? "a sheet of no piece came amid it" : "a sheet could not be read (" + id.problem + ")");
        discarding_.insert(open_->piece);
      }
      open_.reset();
    } else if (open_ && id.piece == open_->piece && id.fed_index == open_->next) {
      ++open_->next;
    } else {
      if (open_) {
        divert(open_->piece, "reader",
               "sheet " + std::to_string(open_->next) + " of " + std::to_string(open_->of) + " did not come");
        discarding_.insert(open_->piece);
      }
      open_.reset();
      if (id.fed_index != 1) {
        if (!discarding_.contains(id.piece))
          divert(id.piece, "reader",
                 "sheet " + std::to_string(id.fed_index) + " of " + std::to_string(id.of) +
                     " came without the sheets before it");
        discarding_.insert(id.piece);
      } else {
        discarding_.erase(id.piece);
        open_ = OpenPiece{.piece = id.piece, .next = 2, .of = id.of};
      }
    }
    // The double-detect and the folder divert at once; the rest of the
    // piece follows it into the bin.
    if (open_ && (fed.double_fed || fed.torn)) {
      divert(open_->piece, fed.double_fed ? "double-detect" : "folder",
             fed.double_fed ? "two sheets fed at once" : "sheet torn in the folder");
      discarding_.insert(open_->piece);
      open_.reset();
    }
    // A jam on a piece's last sheet stops the machine before the piece is
    // inserted: it is the jammed piece, with two before it in the track.
    if (fed.jam) return jam();
    if (open_ && open_->next > open_->of) finish();
  }

  void end() {
    if (open_) divert(open_->piece, "reader", "the run ended before its last sheet");
    open_.reset();
  }

  std::vector<PieceEvent> events;
  std::set<std::string> seen;

 private:
  void event(const std::string& piece, InsertStatus status, const std::string& station, const std::string& note) {
    events.push_back({piece, status, position_, station, note});
    seen.insert(piece);
  }
  // A piece already in its envelope stays posted: sheets of it seen again
  // are a duplicate, whatever became of them.
  void divert(const std::string& piece, const std::string& station, const std::string& why) {
    if (inserted_.contains(piece))
      event(piece, InsertStatus::duplicate, station, "seen again after it was inserted, diverted: " + why);
    else
      event(piece, InsertStatus::damaged, station, "diverted: " + why);
  }

  void finish() {
    const std::string piece = open_->piece;
    if (inserted_.contains(piece)) {
      event(piece, InsertStatus::duplicate, "insert", "inserted a second time");
    } else {
      event(piece, InsertStatus::ok, "insert", "");
      inserted_.insert(piece);
    }
    track_.push_back(piece);
    if (track_.size() > kTrackPieces) track_.pop_front();
    open_.reset();
  }

  // The operator clears the machine: the pieces in the track and the one
  // being gathered are taken out, to be reprinted.
  void jam() {
    const std::string note = "jam at sheet " + std::to_string(position_) + ": taken out of the track";
    for (const auto& piece : track_) {
      inserted_.erase(piece);
      divert(piece, "track", note);
    }
    track_.clear();
    if (open_) {
      divert(open_->piece, "track", note);
      discarding_.insert(open_->piece);
      open_.reset();
    }
  }

  // Pieces between the collator and the envelope when the machine stops.
  static constexpr std::size_t kTrackPieces = 2;
  std::optional<OpenPiece> open_;
  std::set<std::string> discarding_;  // pieces whose further sheets go to the divert bin unremarked
  std::set<std::string> inserted_;
  std::deque<std::string> track_;
  std::size_t position_ = 0;
};

}  // namespace

std::map<std::string, InsertStatus> last_statuses(const std::vector<PieceEvent>& events) {
  std::map<std::string, InsertStatus> last;
  for (const auto& event : events) {
    const auto [at, first] = last.try_emplace(event.piece, event.status);
    if (!first && at->second != InsertStatus::duplicate) at->second = event.status;
  }
  return last;
}

std::vector<std::size_t> feed_order(const InserterProfile& profile, std::size_t sheets) {
  std::vector<std::size_t> order(sheets);
  for (std::size_t i = 0; i < sheets; ++i) order[i] = profile.order == CollationOrder::reverse ? sheets - 1 - i : i;
  return order;
}

std::vector<PieceEvent> run_inserter(const MachineRun& run, const std::vector<FedSheet>& fed,
                                     const std::vector<SheetCode>& codes) {
  SheetIdentifier identifier(run);
  Gatherer gatherer;
  for (const auto& sheet : fed) gatherer.take(sheet, identifier.identify(codes.at(sheet.sheet)));
  gatherer.end();
  if (run.report_missing) {
    const std::size_t last = fed.empty() ? 1 : fed.back().position;
    for (const auto& piece : run.pieces)
      if (!gatherer.seen.contains(piece.id))
        gatherer.events.push_back({piece.id, InsertStatus::missing, last, "control", "no sheet of it was read"});
  }
  return std::move(gatherer.events);
}

}  // namespace kuvert::inserter_sim

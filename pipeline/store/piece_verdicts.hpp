#pragma once
// What an operator decides for pieces of a run at reconciliation, as
// Ricoh ProcessDirector's manual reconciliation offers: ok, reprint, pull
// (with a reason) or hand-mail. A piece seen twice (duplicate) is only
// decided by a supervisor, while clearing the run's attention.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/store/job_records.hpp"

namespace kuvert::store {

enum class PieceVerdict { ok, reprint, pull, hand_mail };

std::string_view name(PieceVerdict verdict);  // "ok", "reprint", "pull", "hand-mail"
std::optional<PieceVerdict> parse_piece_verdict(std::string_view text);

struct PieceVerdicts {
  std::vector<std::pair<std::string, PieceVerdict>> pieces;  // by piece id
  std::optional<PieceVerdict> rest;                          // every piece of the run still without a status
  std::string reason;                                        // why pieces are pulled: required for a pull
  bool empty() const { return pieces.empty() && !rest; }
};

// Sets the verdicts' statuses (reprint: damaged, pull: pulled with the
// reason, hand-mail: hand-mailed) in one transaction with an audit record
// ("pieces set"). Every problem is thrown at once (kuvert::Error, input)
// and nothing is set: a piece not of the run, a pull without a reason, a
// duplicate decided by anyone but a supervisor of a run in attention, a
// run not at the inserter (delivered, printed, inserted) or in attention,
// unless it is reconciled (or posted), its reprint could not be made and a supervisor
// decides (which clears the reprint problem: what is still to reprint is
// tried again). Returns how many pieces were set.
// `clearing`: a supervisor clearing the run's attention, who alone decides
// pieces seen twice (and, once its reprint failed, a supervisor at all).
std::int64_t set_piece_verdicts(Store& store, const RunRecord& run, const PieceVerdicts& verdicts, const Actor& actor,
                                std::int64_t now, bool clearing = false);

// `kuvert runs reconcile` and `clear`, and the console's: sets the verdicts
// (when any), then reconciles the run or, `clearing`, clears its attention.
// A reconciled or posted run whose pieces a supervisor decides after its
// reprint failed stays as it is. Two transactions: verdicts given stand
// when the run cannot be reconciled yet. Returns the run as it is then.
RunRecord settle_run(Store& store, const RunRecord& run, bool clearing, const PieceVerdicts& verdicts,
                     const Actor& actor, std::int64_t now, const ActionDetails& details);

}  // namespace kuvert::store

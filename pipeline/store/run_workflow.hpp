#pragma once
// The release workflow of a print run as pure rules: which action a user of
// which role may take in which state, and the four-eyes rule for runs with
// sensitive documents. The store applies a decision inside the transaction
// that read the run, so two operators cannot both win.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "pipeline/model/error.hpp"

namespace kuvert::store {

// awaiting_release -> released [-> confirmed when sensitive] -> delivered
// [-> printed -> inserted] -> reconciled -> posted -> closed; held and
// cancelled on the side before delivery, attention between delivery and
// reconciled.
enum class RunState {
  awaiting_release,
  released,
  confirmed,
  delivered,
  printed,
  inserted,
  reconciled,
  attention,
  posted,
  closed,
  held,
  cancelled
};
enum class RunAction {
  release,
  confirm,
  hold,
  cancel,
  mark_printed,
  mark_inserted,
  close,
  deliver,
  reconcile,
  clear,
  mark_posted,
  redeliver  // the printer lost it: the service copies it there again
};
// Ordered: each role may do what the ones before it may.
enum class Role { viewer, operator_, supervisor, admin };

std::string_view name(RunState state);
// As a sentence says it: "a run that is in attention", "run 3 is delivered".
std::string state_phrase(RunState state);
std::string_view name(RunAction action);
std::string_view name(Role role);
std::optional<RunState> parse_run_state(std::string_view text);
std::optional<RunAction> parse_run_action(std::string_view text);
std::optional<Role> parse_role(std::string_view text);

// A run's pieces by what became of them at the inserter.
struct PieceTally {
  std::int64_t total = 0;
  std::int64_t unset = 0;       // no insert status yet
  std::int64_t to_reprint = 0;  // damaged or missing
  std::int64_t duplicates = 0;  // seen twice: perhaps in a wrong envelope
};

// What the rules need to know of a run.
struct RunFacts {
  RunState state = RunState::awaiting_release;
  bool sensitive = false;
  std::string released_by;  // empty unless released
  bool delivering = false;  // the service is copying it to its printer
  PieceTally pieces;
  double max_reprint_percent = 100;  // its printer's: above it, a supervisor decides
  // Its reprint not yet made, and reprint runs of it not yet reconciled:
  // a run closes only once its failed pieces are accounted for again.
  std::int64_t open_reprints = 0;
};

// Who acts. The service itself delivers (`system`); people do the rest.
struct Actor {
  std::string user;
  Role role = Role::viewer;
  bool system = false;
};

struct RunDecision {
  std::optional<RunState> next;  // empty: refused
  std::string refusal;           // why, in the operator's words (English: audit trail, log, API)
  std::string attention;         // why the run needs a supervisor, when next is attention
  // The refusal as the console says it in each language: a stable code
  // ("wrong_state", "four_eyes", ...) and the values its text names.
  std::string refusal_code;
  std::map<std::string, std::string> refusal_values;
};

// A refused action, thrown by the store: kuvert::Error (input) with the
// reason, and its code and values for the console's texts.
class RunRefused : public Error {
 public:
  RunRefused(Where where, const RunDecision& decision);
  const std::string& code() const noexcept { return code_; }
  const std::map<std::string, std::string>& values() const noexcept { return values_; }

 private:
  std::string code_;
  std::map<std::string, std::string> values_;
};

// Reconciling a run whose every piece has a status makes it reconciled,
// or puts it in attention when a piece was seen twice or more than
// max_reprint_percent of its pieces are to be reprinted; a supervisor
// clears that (with a finding, which the store requires). The service
// reconciles too, for printers that reconcile automatically.
RunDecision decide(const RunFacts& run, RunAction action, const Actor& actor);

// A run the service may now copy to its printer: released and, when it
// holds sensitive documents, confirmed by a second person.
bool ready_for_delivery(const RunFacts& run);

}  // namespace kuvert::store

#include "pipeline/store/run_workflow.hpp"

#include "pipeline/model/short_number.hpp"
#include "pipeline/store/enum_names.hpp"

namespace kuvert::store {

namespace {

constexpr EnumNames<RunState, 12> kStates{{
    {RunState::awaiting_release, "awaiting_release"},
    {RunState::released, "released"},
    {RunState::confirmed, "confirmed"},
    {RunState::delivered, "delivered"},
    {RunState::printed, "printed"},
    {RunState::inserted, "inserted"},
    {RunState::reconciled, "reconciled"},
    {RunState::attention, "attention"},
    {RunState::posted, "posted"},
    {RunState::closed, "closed"},
    {RunState::held, "held"},
    {RunState::cancelled, "cancelled"},
}};
constexpr EnumNames<RunAction, 12> kActions{{
    {RunAction::release, "release"},
    {RunAction::confirm, "confirm"},
    {RunAction::hold, "hold"},
    {RunAction::cancel, "cancel"},
    {RunAction::mark_printed, "printed"},
    {RunAction::mark_inserted, "inserted"},
    {RunAction::close, "close"},
    {RunAction::deliver, "deliver"},
    {RunAction::reconcile, "reconcile"},
    {RunAction::clear, "clear"},
    {RunAction::mark_posted, "posted"},
    {RunAction::redeliver, "redeliver"},
}};
constexpr EnumNames<Role, 4> kRoles{{
    {Role::viewer, "viewer"},
    {Role::operator_, "operator"},
    {Role::supervisor, "supervisor"},
    {Role::admin, "admin"},
}};

bool before_delivery(RunState state) {
  return state == RunState::awaiting_release || state == RunState::released || state == RunState::confirmed;
}

bool at_the_inserter(RunState state) {
  return state == RunState::delivered || state == RunState::printed || state == RunState::inserted;
}

RunDecision refuse(std::string why, std::string code, std::map<std::string, std::string> values = {}) {
  return {std::nullopt, std::move(why), {}, std::move(code), std::move(values)};
}

std::string percent(double value) { return short_number(value) + " %"; }

RunDecision reconciled(const PieceTally& pieces, double max_reprint_percent) {
  if (pieces.unset > 0)
    return refuse(
        std::to_string(pieces.unset) + (pieces.unset == 1 ? " piece has" : " pieces have") + " no insert status yet",
        "pieces_without_status", {{"count", std::to_string(pieces.unset)}});
  std::string attention;
  if (pieces.duplicates > 0)
    attention = std::to_string(pieces.duplicates) + (pieces.duplicates == 1 ? " piece was" : " pieces were") +
                " seen twice: a letter may be in a wrong envelope";
  const double share = pieces.total > 0 ? 100.0 * static_cast<double>(pieces.to_reprint) / pieces.total : 0;
  if (share > max_reprint_percent) {
    if (!attention.empty()) attention += "; ";
    attention += std::to_string(pieces.to_reprint) + " of " + std::to_string(pieces.total) + " pieces to reprint (" +
                 percent(share) + "), more than the printer's " + percent(max_reprint_percent);
  }
  if (!attention.empty()) return {RunState::attention, {}, std::move(attention)};
  return {RunState::reconciled, {}, {}};
}

RunDecision wrong_state(const RunFacts& run, RunAction action) {
  std::string why = "a run that is ";
  why += state_phrase(run.state);
  why += " cannot be given \"";
  why += name(action);
  why += '"';
  return refuse(std::move(why), "wrong_state",
                {{"state", std::string(name(run.state))}, {"action", std::string(name(action))}});
}

// Once the copy to the printer has begun, the run is as good as there.
RunDecision being_delivered() {
  return refuse("the run is being copied to its printer; once delivered, it can only be marked printed",
                "being_delivered");
}

}  // namespace

RunRefused::RunRefused(Where where, const RunDecision& decision)
    : Error(ErrorKind::input, std::move(where), decision.refusal),
      code_(decision.refusal_code),
      values_(decision.refusal_values) {}

std::string_view name(RunState state) { return name_in(kStates, state); }
std::string_view name(RunAction action) { return name_in(kActions, action); }
std::string_view name(Role role) { return name_in(kRoles, role); }
std::optional<RunState> parse_run_state(std::string_view text) { return parse_in(kStates, text); }
std::optional<RunAction> parse_run_action(std::string_view text) { return parse_in(kActions, text); }
std::optional<Role> parse_role(std::string_view text) { return parse_in(kRoles, text); }

bool ready_for_delivery(const RunFacts& run) {
  return run.sensitive ? run.state == RunState::confirmed : run.state == RunState::released;
}

std::string state_phrase(RunState state) {
  return state == RunState::attention ? "in attention" : std::string(name(state));
}

RunDecision decide(const RunFacts& run, RunAction action, const Actor& actor) {
  if (action == RunAction::deliver) {
    if (!actor.system) return refuse("only the service delivers runs to printers", "service_only");
    if (!ready_for_delivery(run)) return wrong_state(run, action);
    return {RunState::delivered, {}, {}};
  }
  if (actor.system && action != RunAction::reconcile)
    return refuse("the service only delivers and reconciles runs", "not_for_service");
  const Role needed = action == RunAction::confirm || action == RunAction::clear ? Role::supervisor : Role::operator_;
  if (!actor.system && actor.role < needed) {
    std::string why = "\"";
    why += name(action);
    why += "\" needs the ";
    why += name(needed);
    why += " role; " + actor.user + " is ";
    why += name(actor.role);
    return refuse(std::move(why), "role_needed",
                  {{"action", std::string(name(action))},
                   {"role", std::string(name(needed))},
                   {"user", actor.user},
                   {"user_role", std::string(name(actor.role))}});
  }
  switch (action) {
    case RunAction::release:
      if (run.state != RunState::awaiting_release && run.state != RunState::held) return wrong_state(run, action);
      return {RunState::released, {}, {}};
    case RunAction::confirm:
      if (!run.sensitive)
        return refuse("the run holds no sensitive documents and needs no confirmation", "no_confirmation_needed");
      if (run.state != RunState::released) return wrong_state(run, action);
      if (run.released_by == actor.user)
        return refuse("four eyes: " + actor.user + " released this run, a different supervisor must confirm it",
                      "four_eyes", {{"user", actor.user}});
      return {RunState::confirmed, {}, {}};
    case RunAction::hold:
      if (run.delivering) return being_delivered();
      if (!before_delivery(run.state)) return wrong_state(run, action);
      return {RunState::held, {}, {}};
    case RunAction::cancel:
      if (run.delivering) return being_delivered();
      if (!before_delivery(run.state) && run.state != RunState::held) return wrong_state(run, action);
      return {RunState::cancelled, {}, {}};
    case RunAction::mark_printed:
      if (run.state != RunState::delivered) return wrong_state(run, action);
      return {RunState::printed, {}, {}};
    case RunAction::mark_inserted:
      if (run.state != RunState::printed) return wrong_state(run, action);
      return {RunState::inserted, {}, {}};
    case RunAction::mark_posted:
      if (run.state != RunState::reconciled) return wrong_state(run, action);
      return {RunState::posted, {}, {}};
    case RunAction::close:
      if (run.state != RunState::posted) return wrong_state(run, action);
      if (run.open_reprints > 0)
        return refuse("its failed pieces are not yet reprinted and reconciled", "reprints_open");
      return {RunState::closed, {}, {}};
    case RunAction::reconcile:
      if (!at_the_inserter(run.state)) return wrong_state(run, action);
      return reconciled(run.pieces, run.max_reprint_percent);
    case RunAction::clear:
      if (run.state != RunState::attention) return wrong_state(run, action);
      return {RunState::reconciled, {}, {}};
    case RunAction::redeliver:
      // At the printer and not yet through the inserter: it may be lost.
      if (run.state != RunState::delivered && run.state != RunState::printed) return wrong_state(run, action);
      return {run.state, {}, {}};
    case RunAction::deliver:
      break;
  }
  return wrong_state(run, action);
}

}  // namespace kuvert::store

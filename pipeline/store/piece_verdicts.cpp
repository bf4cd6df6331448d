#include "pipeline/store/piece_verdicts.hpp"

#include "pipeline/model/error.hpp"
#include "pipeline/store/audit_trail.hpp"
#include "pipeline/store/enum_names.hpp"
#include "pipeline/store/piece_records.hpp"

namespace kuvert::store {

namespace {

constexpr EnumNames<PieceVerdict, 4> kVerdicts{{
    {PieceVerdict::ok, "ok"},
    {PieceVerdict::reprint, "reprint"},
    {PieceVerdict::pull, "pull"},
    {PieceVerdict::hand_mail, "hand-mail"},
}};

InsertStatus status_of(PieceVerdict verdict) {
  switch (verdict) {
    case PieceVerdict::ok:
      return InsertStatus::ok;
    case PieceVerdict::reprint:
      return InsertStatus::damaged;
    case PieceVerdict::pull:
      return InsertStatus::pulled;
    case PieceVerdict::hand_mail:
      return InsertStatus::hand_mailed;
  }
  return InsertStatus::damaged;
}

bool open_for_verdicts(RunState state) {
  return state == RunState::delivered || state == RunState::printed || state == RunState::inserted ||
         state == RunState::attention;
}

}  // namespace

std::string_view name(PieceVerdict verdict) { return name_in(kVerdicts, verdict); }
std::optional<PieceVerdict> parse_piece_verdict(std::string_view text) { return parse_in(kVerdicts, text); }

std::int64_t set_piece_verdicts(Store& store, const RunRecord& run, const PieceVerdicts& verdicts, const Actor& actor,
                                std::int64_t now, bool clearing) {
  const std::string object = audit_object(run);
  std::vector<Diagnostic> problems;
  const auto problem = [&](const std::string& piece, std::string message) {
    problems.push_back(
        {Where{.record = object, .field = piece.empty() ? std::string() : "piece " + piece}, std::move(message)});
  };
  // A reconciled run whose reprint could not be made: a supervisor
  // decides its failed pieces otherwise (hand-mailed, pulled), or has the
  // service try again.
  const bool reprint_failed = (run.state == RunState::reconciled || run.state == RunState::posted) &&
                              !run.reprint_problem.empty() && actor.role >= Role::supervisor;
  if (!open_for_verdicts(run.state) && !reprint_failed)
    problem({}, "is " + std::string(name(run.state)) +
                    ": pieces are decided once delivered and until reconciled (and by a supervisor when its reprint "
                    "could not be made)");
  const bool decides_duplicates =
      actor.role >= Role::supervisor && (clearing ? run.state == RunState::attention : !run.reprint_problem.empty());
  const auto pulls = [](PieceVerdict verdict) { return verdict == PieceVerdict::pull; };
  bool pulled = verdicts.rest && pulls(*verdicts.rest);
  PieceLookup lookup(store);
  for (const auto& [id, verdict] : verdicts.pieces) {
    pulled = pulled || pulls(verdict);
    const auto piece = lookup.find(id);
    if (!piece || piece->run != run.id)
      problem(id, "is no piece of this run");
    else if (piece->status == InsertStatus::duplicate && !decides_duplicates)
      problem(id, "was seen twice: only a supervisor decides it, clearing the run's attention with a finding");
  }
  if (pulled && verdicts.reason.find_first_not_of(" \t\r\n") == std::string::npos)
    problem({}, "a pulled piece needs a reason");
  if (!problems.empty()) throw Error(ErrorKind::input, std::move(problems));

  Transaction transaction(store.db());
  const std::string at = iso_time(now);
  const std::string note_of_pull = actor.user + ": " + verdicts.reason;
  const auto note = [&](PieceVerdict verdict) {
    return verdict == PieceVerdict::pull ? note_of_pull : "set by " + actor.user;
  };
  Statement update(store.db(), "UPDATE pieces SET status = ?, status_at = ?, station = '', note = ? WHERE id = ?");
  std::int64_t set = 0;
  std::string detail;
  for (const auto& [id, verdict] : verdicts.pieces) {
    update.reset();
    update.bind(1, std::string(name(status_of(verdict)))).bind(2, at);
    update.bind(3, note(verdict)).bind(4, id).run();
    ++set;
    if (!detail.empty()) detail += ", ";
    detail += id + " " + std::string(name(verdict));
  }
  if (verdicts.rest) {
    const auto rest = set_unset_pieces(store, run.id, status_of(*verdicts.rest), at, note(*verdicts.rest));
    set += rest;
    if (!detail.empty()) detail += ", ";
    detail += std::to_string(rest) + " others " + std::string(name(*verdicts.rest));
  }
  if (pulled) detail += "; pulled because: " + verdicts.reason;
  if (reprint_failed) set_reprint_problem(store, run.id, "");
  append_audit(store, {at, actor.user, "pieces set", object, detail});
  transaction.commit();
  return set;
}

RunRecord settle_run(Store& store, const RunRecord& run, bool clearing, const PieceVerdicts& verdicts,
                     const Actor& actor, std::int64_t now, const ActionDetails& details) {
  // Clearing is decided before any piece is: no piece seen twice is set
  // by a clearing that is then refused (no finding, not in attention).
  if (clearing && !decide_action(store, run, RunAction::clear, actor, details).next)
    return act_on_run(store, run.id, RunAction::clear, actor, now, details);  // refused, audited, thrown
  if (!verdicts.empty()) set_piece_verdicts(store, run, verdicts, actor, now, clearing);
  if ((run.state == RunState::reconciled || run.state == RunState::posted) && !clearing)
    return *find_run(store, run.id);
  return act_on_run(store, run.id, clearing ? RunAction::clear : RunAction::reconcile, actor, now, details);
}

}  // namespace kuvert::store

// The runs table and the release workflow applied to it.
#include "pipeline/model/error.hpp"
#include "pipeline/model/iso_date.hpp"
#include "pipeline/store/audit_trail.hpp"
#include "pipeline/store/job_records.hpp"
#include "pipeline/store/piece_records.hpp"
#include "pipeline/store/work_claims.hpp"

namespace kuvert::store {

namespace {

constexpr const char* kRunColumns =
    "SELECT r.id, r.job_id, j.name, j.client, r.name, j.output || '/' || r.file, r.printer, r.pieces, r.sheets,"
    " r.pages, r.sensitive, r.state, coalesce(r.released_by, ''), coalesce(r.confirmed_by, ''), r.created_at,"
    " r.updated_at, r.delivering, r.delivery_problem, r.attention, coalesce(r.parent_run_id, 0), r.reprint_problem"
    ", r.posted_on, r.paper, r.sides, r.envelope, r.inserter, r.inserts, r.due, r.redeliver FROM runs r JOIN jobs j ON "
    "j.id = "
    "r.job_id";

RunRecord read_run(Statement& row) {
  RunRecord run;
  run.id = row.integer(0);
  run.job = row.integer(1);
  run.job_name = row.text(2);
  run.client = row.text(3);
  run.name = row.text(4);
  run.file = row.text(5);
  run.printer = row.text(6);
  run.pieces = row.integer(7);
  run.sheets = row.integer(8);
  run.pages = row.integer(9);
  run.sensitive = row.integer(10) != 0;
  run.state = parse_run_state(row.text(11)).value_or(RunState::held);
  run.released_by = row.text(12);
  run.confirmed_by = row.text(13);
  run.created_at = row.text(14);
  run.updated_at = row.text(15);
  run.delivering = row.integer(16) != 0;
  run.delivery_problem = row.text(17);
  run.attention = row.text(18);
  run.parent = row.integer(19);
  run.reprint_problem = row.text(20);
  run.posted_on = row.text(21);
  run.paper = row.text(22);
  run.sides = row.text(23);
  run.envelope = row.text(24);
  run.inserter = row.text(25);
  run.inserts = row.text(26);
  run.due = row.text(27);
  run.redeliver = row.text(28);
  return run;
}

}  // namespace

std::vector<RunRecord> list_runs(Store& store, std::optional<RunState> state, std::int64_t limit) {
  Statement query(store.db(), std::string(kRunColumns) + " WHERE ?1 = '' OR r.state = ?1 ORDER BY r.id DESC LIMIT ?2");
  query.bind(1, state ? std::string(name(*state)) : std::string()).bind(2, limit);
  return query.rows(read_run);
}

std::optional<RunRecord> find_run(Store& store, std::int64_t id) {
  Statement query(store.db(), std::string(kRunColumns) + " WHERE r.id = ?");
  query.bind(1, id);
  return query.first(read_run);
}

std::optional<RunRecord> find_run(Store& store, const RunNumber& number) {
  Statement query(store.db(), std::string(kRunColumns) + " WHERE r.job_id = ? AND r.name = ?");
  query.bind(1, number.job).bind(2, number.run);
  return query.first(read_run);
}

std::string audit_object(const RunRecord& run) { return "run " + run_number(run.job, run.name); }

std::vector<RunRecord> runs_of_job(Store& store, std::int64_t job) {
  Statement query(store.db(), std::string(kRunColumns) + " WHERE r.job_id = ? ORDER BY r.name");
  query.bind(1, job);
  return query.rows(read_run);
}

std::vector<RunRecord> runs_ready_for_delivery(Store& store) {
  Statement query(store.db(), std::string(kRunColumns) +
                                  " WHERE (r.state = 'released' AND r.sensitive = 0) OR r.state = 'confirmed'"
                                  " ORDER BY r.id");
  return query.rows(read_run);
}

namespace {

// Reprints of `run` still open: one due but not yet made, and made ones
// not yet reconciled (or closed, or cancelled by a decision).
std::int64_t open_reprints(Store& store, std::int64_t run) {
  Statement query(store.db(), std::string("SELECT (SELECT count(*) FROM runs c WHERE c.parent_run_id = ?1"
                                          " AND c.state NOT IN ('reconciled', 'posted', 'closed', 'cancelled'))"
                                          " + CASE WHEN NOT EXISTS (SELECT 1 FROM runs c WHERE c.parent_run_id = ?1)"
                                          " AND EXISTS (SELECT 1 FROM pieces p WHERE p.run_id = ?1 AND p.status IN ") +
                                  kStatusesToReprint + ") THEN 1 ELSE 0 END");
  query.bind(1, run);
  return query.first([](Statement& row) { return row.integer(0); }).value_or(0);
}

}  // namespace

RunFacts run_facts(Store& store, const RunRecord& run, double max_reprint_percent) {
  return {run.state,
          run.sensitive,
          run.released_by,
          run.delivering,
          tally_pieces(store, run.id),
          max_reprint_percent,
          open_reprints(store, run.id)};
}

std::vector<RunRecord> runs_due_for_reprint(Store& store) {
  Statement query(store.db(), std::string(kRunColumns) +
                                  " WHERE r.state IN ('reconciled', 'posted') AND r.reprint_problem = ''"
                                  " AND NOT EXISTS (SELECT 1 FROM runs c WHERE c.parent_run_id = r.id)"
                                  " AND EXISTS (SELECT 1 FROM pieces p WHERE p.run_id = r.id"
                                  " AND p.status IN " +
                                  kStatusesToReprint + ") ORDER BY r.id");
  return query.rows(read_run);
}

std::vector<RunRecord> reprints_of(Store& store, std::int64_t run) {
  Statement query(store.db(), std::string(kRunColumns) + " WHERE r.parent_run_id = ? ORDER BY r.id");
  query.bind(1, run);
  return query.rows(read_run);
}

void set_reprint_problem(Store& store, std::int64_t run, const std::string& problem) {
  Statement update(store.db(), "UPDATE runs SET reprint_problem = ? WHERE id = ?");
  update.bind(1, problem).bind(2, run).run();
}

void set_delivery_problem(Store& store, std::int64_t run, const std::string& problem) {
  Statement update(store.db(), "UPDATE runs SET delivery_problem = ? WHERE id = ?");
  update.bind(1, problem).bind(2, run).run();
}

std::vector<RunRecord> runs_to_redeliver(Store& store) {
  Statement query(store.db(), std::string(kRunColumns) +
                                  " WHERE r.redeliver != '' AND r.state IN ('delivered', 'printed') ORDER BY r.id");
  return query.rows(read_run);
}

void finish_redelivery(Store& store, const RunRecord& run, const std::string& delivered_as, std::int64_t now) {
  Transaction transaction(store.db());
  Statement update(store.db(), "UPDATE runs SET redeliver = '' WHERE id = ? AND redeliver != ''");
  update.bind(1, run.id).run();
  if (store.db().changes() == 1)
    append_audit(store, {iso_time(now), "kuvert", "redelivered", audit_object(run), "as " + delivered_as});
  transaction.commit();
}

bool begin_delivery(Store& store, std::int64_t run) {
  Transaction transaction(store.db());
  Statement update(store.db(),
                   "UPDATE runs SET delivering = 1 WHERE id = ?"
                   " AND ((state = 'released' AND sensitive = 0) OR state = 'confirmed')");
  update.bind(1, run).run();
  const bool ready = store.db().changes() == 1;
  transaction.commit();
  return ready;
}

RunDecision decide_action(Store& store, const RunRecord& run, RunAction action, const Actor& actor,
                          const ActionDetails& details) {
  const RunDecision decision = decide(run_facts(store, run, details.max_reprint_percent), action, actor);
  if (decision.next && action == RunAction::clear && details.finding.find_first_not_of(" \t\r\n") == std::string::npos)
    return {.refusal = "clearing a run in attention needs a finding: what was checked and what was found",
            .refusal_code = "finding_needed"};
  if (decision.next && action == RunAction::redeliver &&
      details.reason.find_first_not_of(" \t\r\n") == std::string::npos)
    return {.refusal = "delivering a run again needs a reason: what became of the first copy",
            .refusal_code = "reason_needed"};
  if (decision.next && action == RunAction::mark_posted && !is_iso_date(details.posted_on))
    return {.refusal = "posting needs the day the run went to the postal service (YYYY-MM-DD)",
            .refusal_code = "posting_day_needed"};
  return decision;
}

RunRecord act_on_run(Store& store, std::int64_t id, RunAction action, const Actor& actor, std::int64_t now,
                     const ActionDetails& details) {
  Where where;
  where.record = "run " + std::to_string(id);
  Transaction transaction(store.db());
  const auto run = find_run(store, id);
  if (!run) throw_input(where, "no such run");
  const std::string object = audit_object(*run);
  where.record = object;
  const RunDecision decision = decide_action(store, *run, action, actor, details);
  const std::string user = actor.system ? "kuvert" : actor.user;
  if (!decision.next) {
    append_audit(store, {iso_time(now), user, std::string(name(action)) + " refused", object, decision.refusal});
    transaction.commit();
    throw RunRefused(where, decision);
  }
  // Who released and confirmed belongs to the current release: a hold
  // starts the four-eyes check again.
  std::string released_by = run->released_by;
  std::string confirmed_by = run->confirmed_by;
  if (action == RunAction::release) released_by = actor.user;
  if (action == RunAction::confirm) confirmed_by = actor.user;
  if (*decision.next == RunState::held) released_by = confirmed_by = std::string();
  Statement update(store.db(),
                   "UPDATE runs SET state = ?, released_by = ?, confirmed_by = ?, updated_at = ?, delivering = 0,"
                   " printed_at = CASE WHEN ? = 1 THEN ? ELSE printed_at END, attention = ?,"
                   " posted_on = CASE WHEN ? = 1 THEN ? ELSE posted_on END, redeliver = ? WHERE id = ?");
  update.bind(1, std::string(name(*decision.next))).bind_or_null(2, released_by).bind_or_null(3, confirmed_by);
  update.bind(4, iso_time(now)).bind(5, std::int64_t{*decision.next == RunState::printed}).bind(6, iso_time(now));
  update.bind(7, decision.attention).bind(8, std::int64_t{action == RunAction::mark_posted}).bind(9, details.posted_on);
  update.bind(10, action == RunAction::redeliver ? details.reason : std::string()).bind(11, id).run();
  std::string detail = std::string(name(run->state)) + " -> " + std::string(name(*decision.next));
  if (!decision.attention.empty()) detail += ": " + decision.attention;
  if (action == RunAction::clear) detail += ": finding: " + details.finding;
  if (action == RunAction::mark_posted) detail += " on " + details.posted_on;
  if (action == RunAction::redeliver) detail = "to " + run->printer + " again: " + details.reason;
  append_audit(store, {iso_time(now), user, std::string(name(action)), object, detail});
  // A run released (or asked for again) is delivered by whichever worker
  // comes first.
  announce_work(store);
  transaction.commit();
  return *find_run(store, id);
}

}  // namespace kuvert::store

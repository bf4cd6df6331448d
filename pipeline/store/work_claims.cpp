#include "pipeline/store/work_claims.hpp"

#include <functional>

#include "pipeline/model/concat.hpp"
#include "pipeline/model/error.hpp"

namespace kuvert::store {

namespace {

// The database's clock in Unix seconds: hosts that disagree on the time
// still agree on whose lease runs.
std::string now_sql(const Database& database) {
  return database.dialect() == Dialect::postgresql ? "CAST(extract(epoch FROM clock_timestamp()) AS BIGINT)"
                                                   : "CAST(strftime('%s', 'now') AS INTEGER)";
}

// Row locks a claim takes: in PostgreSQL, a row another worker is claiming
// is skipped; SQLite's claims queue for its one lock.
std::string skip_locked(const Database& database) {
  return database.dialect() == Dialect::postgresql ? " FOR UPDATE SKIP LOCKED" : "";
}

// A unit the worker ?1 of the statement may take: nobody's, its own, or a
// worker's whose lease ran out; and only while its own lease runs (one cut
// off takes nothing more).
std::string free_for(const Database& database) {
  const std::string now = now_sql(database);
  return concat("(worker IS NULL OR worker = ?1 OR worker NOT IN (SELECT name FROM workers WHERE lease_until > ", now,
                ")) AND EXISTS (SELECT 1 FROM workers WHERE name = ?1 AND lease_until > ", now, ")");
}

// Claims the row of `table` that `candidate` (a SELECT of its id, with ?1
// the worker) finds; the id, or 0 when there was none.
std::int64_t claim_row(Store& store, const std::string& table, const std::string& candidate,
                       const std::function<void(Statement&)>& bind) {
  Database& database = store.db();
  Transaction transaction(database, Locking::rows);
  Statement claim(database, concat("UPDATE ", table, " SET worker = ?1 WHERE id = (", candidate, skip_locked(database),
                                   ") RETURNING id"));
  bind(claim);
  const auto ids = claim.rows([](Statement& row) { return row.integer(0); });
  transaction.commit();
  return ids.empty() ? 0 : ids.front();
}

// One statement of the workers' bookkeeping, in a transaction of its own
// that locks only the rows it changes; how many it changed.
int change_rows(Store& store, const std::string& sql, const std::function<void(Statement&)>& bind) {
  Transaction transaction(store.db(), Locking::rows);
  Statement change(store.db(), sql);
  bind(change);
  change.run();
  const int changed = store.db().changes();
  transaction.commit();
  return changed;
}

// A unit's table, and how messages name one.
struct UnitNames {
  const char* table;
  const char* called;
};

UnitNames names_of(ClaimedUnit unit) {
  switch (unit) {
    case ClaimedUnit::input:
      return {"inputs", "input "};
    case ClaimedUnit::run:
      return {"runs", "run "};
    case ClaimedUnit::scan_part:
      return {"scan_parts", "scan part "};
  }
  return {"inputs", "input "};
}

std::string unit_table(ClaimedUnit unit) { return names_of(unit).table; }

WorkerRecord read_worker(Statement& row) {
  return {row.text(0),    row.text(1),    row.integer(2), row.text(3),        row.text(4),
          row.integer(5), row.integer(6), row.text(7),    row.integer(8) != 0};
}

}  // namespace

void register_worker(Store& store, const WorkerRecord& worker, int lease_seconds) {
  Database& database = store.db();
  const std::string now = now_sql(database);
  Transaction transaction(database);
  Statement forget(database, concat("DELETE FROM workers WHERE lease_until < ", now, " - 86400"));
  forget.run();
  Statement insert(database, concat("INSERT INTO workers(name, host, pid, kind, started_at, heartbeat_at, lease_until)"
                                    " VALUES (?, ?, ?, ?, ?, ",
                                    now, ", ", now,
                                    " + ?) ON CONFLICT(name) DO UPDATE SET heartbeat_at = excluded.heartbeat_at,"
                                    " lease_until = excluded.lease_until"));
  insert.bind(1, worker.name).bind(2, worker.host).bind(3, worker.pid).bind(4, worker.kind);
  insert.bind(5, worker.started_at).bind(6, static_cast<std::int64_t>(lease_seconds)).run();
  transaction.commit();
}

bool renew_lease(Store& store, const std::string& worker, int lease_seconds, const std::string& doing) {
  const std::string now = now_sql(store.db());
  return change_rows(store,
                     concat("UPDATE workers SET heartbeat_at = ", now, ", lease_until = ", now,
                            " + ?, doing = ? WHERE name = ?"),
                     [&](Statement& renew) {
                       renew.bind(1, static_cast<std::int64_t>(lease_seconds)).bind(2, doing).bind(3, worker);
                     }) == 1;
}

void expire_lease(Store& store, const std::string& worker) {
  change_rows(store, "UPDATE workers SET lease_until = 0 WHERE name = ?",
              [&](Statement& expire) { expire.bind(1, worker); });
}

void retire_worker(Store& store, const std::string& worker) {
  Database& database = store.db();
  Transaction transaction(database, Locking::rows);
  for (const char* sql :
       {"UPDATE inputs SET worker = NULL WHERE worker = ? AND state IN ('taking', 'taken')",
        "UPDATE runs SET worker = NULL WHERE worker = ?", "UPDATE scan_parts SET worker = NULL WHERE worker = ?",
        "UPDATE duties SET worker = NULL WHERE worker = ?", "DELETE FROM workers WHERE name = ?"}) {
    Statement free(database, sql);
    free.bind(1, worker).run();
  }
  transaction.commit();
}

std::vector<WorkerRecord> list_workers(Store& store) {
  Database& database = store.db();
  Statement query(database, concat("SELECT name, host, pid, kind, started_at, heartbeat_at, lease_until, doing,"
                                   " CASE WHEN lease_until > ",
                                   now_sql(database), " THEN 1 ELSE 0 END FROM workers ORDER BY host, started_at"));
  return query.rows(read_worker);
}

std::optional<InputRecord> claim_input(Store& store, const std::string& worker, InputState state, std::int64_t after) {
  const std::int64_t id = claim_row(
      store, "inputs",
      concat("SELECT id FROM inputs WHERE state = ?2 AND id > ?3 AND ", free_for(store.db()), " ORDER BY id LIMIT 1"),
      [&](Statement& claim) { claim.bind(1, worker).bind(2, std::string(name(state))).bind(3, after); });
  if (id == 0) return std::nullopt;
  return find_input(store, id);
}

bool claim_run(Store& store, std::int64_t run, const std::string& worker) {
  return claim_row(store, "runs", concat("SELECT id FROM runs WHERE id = ?2 AND ", free_for(store.db())),
                   [&](Statement& claim) { claim.bind(1, worker).bind(2, run); }) != 0;
}

std::optional<ScanPartClaim> claim_scan_part(Store& store, const std::string& worker, std::int64_t input,
                                             const std::vector<std::string>& inboxes) {
  // Either one batch's parts or those of inboxes (SQLite refuses a value
  // for a parameter the statement does not have).
  if ((input == 0) == inboxes.empty()) return std::nullopt;
  std::string of = "input_id = ?2";
  if (input == 0) {
    of = "input_id IN (SELECT id FROM inputs WHERE state = 'taken' AND inbox IN (";
    for (std::size_t i = 0; i < inboxes.size(); ++i) of += concat(i == 0 ? "?" : ", ?", std::to_string(i + 3));
    of += "))";
  }
  const std::int64_t id = claim_row(store, "scan_parts",
                                    concat("SELECT id FROM scan_parts WHERE state = 'open' AND ", of, " AND ",
                                           free_for(store.db()), " ORDER BY id LIMIT 1"),
                                    [&](Statement& claim) {
                                      claim.bind(1, worker).bind(2, input);
                                      for (std::size_t i = 0; i < inboxes.size(); ++i)
                                        claim.bind(static_cast<int>(i + 3), inboxes[i]);
                                    });
  if (id == 0) return std::nullopt;
  Statement part(store.db(), "SELECT input_id, part FROM scan_parts WHERE id = ?");
  part.bind(1, id);
  return part.first([id](Statement& row) { return ScanPartClaim{id, row.integer(0), row.integer(1)}; });
}

void release_claim(Store& store, ClaimedUnit unit, std::int64_t id, const std::string& worker) {
  change_rows(store, concat("UPDATE ", unit_table(unit), " SET worker = NULL WHERE id = ? AND worker = ?"),
              [&](Statement& release) { release.bind(1, id).bind(2, worker); });
}

bool claim_housekeeping(Store& store, const std::string& worker) {
  return change_rows(store,
                     concat("UPDATE duties SET worker = ?1 WHERE name = (SELECT name FROM duties WHERE name ="
                            " 'housekeeping' AND ",
                            free_for(store.db()), skip_locked(store.db()), ")"),
                     [&](Statement& claim) { claim.bind(1, worker); }) == 1;
}

void release_housekeeping(Store& store, const std::string& worker) {
  change_rows(store, "UPDATE duties SET worker = NULL WHERE name = 'housekeeping' AND worker = ?",
              [&](Statement& release) { release.bind(1, worker); });
}

bool claimable(Store& store, ClaimedUnit unit, std::int64_t id, const std::string& worker) {
  Statement query(store.db(), concat("SELECT 1 FROM ", unit_table(unit), " WHERE id = ?2 AND ", free_for(store.db())));
  query.bind(1, worker).bind(2, id);
  return query.step();
}

bool lease_runs(Store& store, const std::string& worker, int seconds) {
  Database& database = store.db();
  Statement lease(database,
                  concat("SELECT 1 FROM workers WHERE name = ? AND lease_until >= ", now_sql(database), " + ?"));
  lease.bind(1, worker).bind(2, static_cast<std::int64_t>(seconds));
  return lease.step();
}

void require_claim(Store& store, ClaimedUnit unit, std::int64_t id, const std::string& worker) {
  Database& database = store.db();
  const std::string table = unit_table(unit);
  // Locked until the outcome commits: no claim comes in between.
  Statement holder(database, concat("SELECT coalesce(worker, '') FROM ", table, " WHERE id = ?",
                                    database.dialect() == Dialect::postgresql ? " FOR UPDATE" : ""));
  holder.bind(1, id);
  const auto found = holder.first([](Statement& row) { return row.text(0); });
  if (found && *found == worker) return;
  Where where;
  where.record = concat(names_of(unit).called, std::to_string(id));
  throw_system(where, found && !found->empty()
                          ? concat("is worker ", *found, "'s now, not this worker's: its lease ran out")
                          : "is claimed by no worker, not by this one");
}

void announce_work(Store& store) {
  if (store.db().notifies()) store.db().execute(concat("NOTIFY ", kWorkChannel));
}

}  // namespace kuvert::store

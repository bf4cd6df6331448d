#pragma once
// The processes working on one store (kuvert serve and kuvert worker, on
// one host or several) and the units of work they claim, so that each unit
// is done once and none is lost:
//   - an input being taken from its inbox, or processed into its job;
//   - a run being delivered (or delivered again, or reprinted);
//   - a part of a scan batch, read and recognised by any worker while the
//     batch's own worker waits to assemble it (scan_part_records.hpp);
//   - the store's housekeeping (retention, posting records, what a dead
//     worker left half done), one worker at a time.
// A unit names its worker and is that worker's while the worker's lease
// runs: the database's clock, so that hosts need not agree on theirs. The
// worker's heartbeat renews the lease of all its units at once. A worker
// killed or cut off loses its units when its lease runs out; the next
// worker to claim one does it from its inputs, and what the first still
// tries to record of it is refused (require_claim).
// In PostgreSQL a claim locks only the row it takes, and other workers
// skip it (FOR UPDATE SKIP LOCKED) rather than wait.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "pipeline/store/job_records.hpp"

namespace kuvert::store {

struct WorkerRecord {
  std::string name;  // unique: "HOST:PID:STARTED_MS"
  std::string host;
  std::int64_t pid = 0;
  std::string kind;  // "serve" or "worker"
  std::string started_at;
  std::int64_t heartbeat_at = 0;  // Unix seconds, the database's clock
  std::int64_t lease_until = 0;
  std::string doing;   // what it works on, for the console
  bool alive = false;  // its lease runs
};

// Records a worker starting (or one forgotten, again), its lease running
// for `lease_seconds`; workers gone for a day are forgotten.
void register_worker(Store& store, const WorkerRecord& worker, int lease_seconds);
// The heartbeat: the lease runs `lease_seconds` from now. False when the
// worker was forgotten (it stalled for a day): it must not go on.
bool renew_lease(Store& store, const std::string& worker, int lease_seconds, const std::string& doing);
// A worker known to be gone (its process ended on this host): its units
// are free for others at once.
void expire_lease(Store& store, const std::string& worker);
// A worker stopping: its units are free for others at once.
void retire_worker(Store& store, const std::string& worker);
std::vector<WorkerRecord> list_workers(Store& store);

// The first input in `state` (taking or taken) after `after` (by id) that
// is free, or already `worker`'s, now claimed by `worker`.
std::optional<InputRecord> claim_input(Store& store, const std::string& worker, InputState state, std::int64_t after);
// Claims run `run` for `worker` when it is free or already its own. A
// worker whose own lease ran out claims nothing.
bool claim_run(Store& store, std::int64_t run, const std::string& worker);

enum class ClaimedUnit { input, run, scan_part };
struct ScanPartClaim {
  std::int64_t id = 0;     // the unit
  std::int64_t input = 0;  // the scan batch's input
  std::int64_t part = 0;   // 1-based
};
// The first open part of a scan batch (of input `input`'s; 0: of any
// input of the inboxes named `inboxes`) that is free, or already
// `worker`'s, now claimed by `worker`.
std::optional<ScanPartClaim> claim_scan_part(Store& store, const std::string& worker, std::int64_t input,
                                             const std::vector<std::string>& inboxes);

// A unit `worker` is done with for now, free for whichever worker comes
// first: a run delivered, or one whose delivery failed; an input of an
// inbox or a run for a printer this worker's kuvert.toml does not have.
void release_claim(Store& store, ClaimedUnit unit, std::int64_t id, const std::string& worker);
// The store's housekeeping, for one worker at a time.
bool claim_housekeeping(Store& store, const std::string& worker);
void release_housekeeping(Store& store, const std::string& worker);

// Whether `worker` may take the unit: nobody's, its own, or a dead
// worker's.
bool claimable(Store& store, ClaimedUnit unit, std::int64_t id, const std::string& worker);

// Before work that cannot be undone (a run copied into its printer's
// folder): whether `worker`'s lease runs `seconds` more at least, by the
// database's clock, so that no other worker takes the unit over meanwhile
// even if the heartbeat fails now.
bool lease_runs(Store& store, const std::string& worker, int seconds);

// Inside the transaction that records a unit's outcome: throws
// kuvert::Error (system) unless `worker` still holds the unit, so that a
// worker whose lease ran out records nothing of work another took over.
void require_claim(Store& store, ClaimedUnit unit, std::int64_t id, const std::string& worker);

// Records what became of a unit (`record`, whose result it returns) in one
// transaction with require_claim: a worker whose lease ran out (cut off,
// stalled) records nothing of work another worker took over.
template <typename Record>
auto as_holder(Store& store, ClaimedUnit unit, std::int64_t id, const std::string& worker, Record record) {
  Transaction transaction(store.db());
  require_claim(store, unit, id, worker);
  if constexpr (std::is_void_v<decltype(record())>) {
    record();
    transaction.commit();
  } else {
    auto recorded = record();
    transaction.commit();
    return recorded;
  }
}

// Wakes the idle workers of the store (PostgreSQL's NOTIFY, sent when the
// transaction commits): new work is there (an input taken, a run released).
void announce_work(Store& store);
// The channel workers listen to for it.
inline constexpr const char* kWorkChannel = "kuvert_work";

}  // namespace kuvert::store

#pragma once
// Inputs taken from the inboxes, the jobs made of them and the runs the jobs
// produced, as the store keeps them. Each function is one transaction with
// its audit record; the service calls them in the order the work happens,
// so that after a crash the states say what is left to finish or redo.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/model/insert_status.hpp"
#include "pipeline/model/run_number.hpp"
#include "pipeline/store/run_workflow.hpp"
#include "pipeline/store/store.hpp"

namespace kuvert::store {

enum class InputState { taking, taken, done, failed, duplicate };
std::string_view name(InputState state);

struct InputRecord {
  std::int64_t id = 0;
  std::string inbox;
  std::string name;    // as it was dropped
  std::string sha256;  // of the file, or of a job folder's files
  InputState state = InputState::taking;
  std::string place;  // where it lies now
  std::string received_at;
  std::string reason;  // why it failed or was refused
};

// "input 7 (steuer/grundsteuer-2026)", as the log names an input: its
// number, which its job takes too (J7), and where it came from.
std::string input_label(std::int64_t input, std::string_view inbox, std::string_view name);
std::string input_label(const InputRecord& input);

// Records an input about to be moved from its inbox to `place`. Returns
// the accepted input of the same content instead when there is one (the
// new one is then a duplicate and nothing is recorded).
struct Taking {
  std::int64_t id = 0;                      // the new input's id, when taken
  std::optional<InputRecord> duplicate_of;  // set: refused
};
// The input is claimed by `worker` (work_claims.hpp) while it is taken.
Taking begin_taking(Store& store, const std::string& inbox, const std::string& name, const std::string& sha256,
                    const std::string& place, std::int64_t now, const std::string& worker);
void set_input_place(Store& store, std::int64_t input, const std::string& place);
// taking -> taken (moved), done (job finished) or failed (with the reason).
void set_input_state(Store& store, std::int64_t input, InputState state, const std::string& reason, std::int64_t now);
// An input refused at the door (a duplicate, or failed: a symbolic link),
// recorded for the console and the metrics.
void record_refusal(Store& store, const std::string& inbox, const std::string& name, const std::string& sha256,
                    const std::string& place, InputState state, const std::string& reason, std::int64_t now);
void forget_input(Store& store, std::int64_t input);  // a taking that never happened
std::vector<InputRecord> inputs_in_state(Store& store, InputState state);
std::optional<InputRecord> find_input(Store& store, std::int64_t id);

enum class JobKind { job, scan };
enum class JobState { processing, done, failed };
std::string_view name(JobKind kind);
std::string_view name(JobState state);

struct JobRecord {
  std::int64_t id = 0;
  std::int64_t input = 0;
  JobKind kind = JobKind::job;
  std::string inbox;
  std::string name;
  std::string client;
  JobState state = JobState::processing;
  std::string output;  // the job's output folder
  std::int64_t documents = 0;
  std::int64_t pages = 0;
  std::int64_t pieces = 0;
  std::string errors;  // JSON array of messages
  std::string created_at;
  std::string finished_at;
};

// What a finished job produced, one entry per run file.
// A piece as its run's R.csv lists it.
struct PieceOutput {
  std::string id;  // "0000002A-R0001-000001"
  std::int64_t sequence = 0;
  std::int64_t sheets = 0;
  std::string documents;  // their ids, space-separated
  std::string product;    // postage product; empty when none fits
  std::optional<std::int64_t> postage_cents;
  double weight_g = 0;
  std::string country;  // ISO 3166 alpha-2
  std::int64_t inserts = 0;
  bool manual = false;    // handled by hand (a manual_reason)
  std::string recipient;  // its lines joined by ", "
  std::string postcode;
};

struct RunOutput {
  std::string name;  // R0001
  std::string file;  // R0001.pdf
  std::int64_t pieces = 0;
  std::int64_t sheets = 0;
  std::int64_t pages = 0;
  bool sensitive = false;
  std::vector<PieceOutput> piece_list;  // in sequence
  // How it is printed and inserted (its ticket's production).
  std::string paper, sides, envelope, inserter;
  std::string inserts;  // feeder stations, space-separated
  std::string due;      // the job's due day (YYYY-MM-DD), or empty
};

struct JobResult {
  std::string name;  // the job's own name (job.json), or the scan batch's
  std::int64_t documents = 0;
  std::int64_t pages = 0;
  std::int64_t pieces = 0;
  std::vector<RunOutput> runs;
  std::string errors = "[]";  // JSON array: what was left out (rejected scan files)
};

// The job takes its input's number: input 7 becomes job J7, its runs
// J7-R0001, so the number an operator reads off a run names what came in
// (unless a job made before jobs were so numbered has that number).
std::int64_t start_job(Store& store, std::int64_t input, JobKind kind, const std::string& inbox,
                       const std::string& name, const std::string& client, const std::string& output, std::int64_t now);
// processing -> done: the runs await release at `printer`, the input is
// done; all in one transaction, so a crash leaves either all or none.
void finish_job(Store& store, std::int64_t job, const JobResult& result, const std::string& printer, std::int64_t now);
// What a failed job says it is (job.json's "job" and "client", as far as
// they could be read; empty ones leave what the inbox gave).
struct FailedJobIdentity {
  std::string name;
  std::string client;
};
void fail_job(Store& store, std::int64_t job, const std::string& errors_json, std::int64_t now,
              const FailedJobIdentity& identity = {});
std::vector<JobRecord> list_jobs(Store& store, std::int64_t limit = 500);
std::optional<JobRecord> find_job(Store& store, std::int64_t id);
// The job made of an input (one at most), if any yet.
std::optional<JobRecord> job_of_input(Store& store, std::int64_t input);

struct RunRecord {
  std::int64_t id = 0;
  std::int64_t job = 0;
  std::string job_name;
  std::string client;
  std::string name;
  std::string file;  // absolute path of the run's PDF
  std::string printer;
  std::int64_t pieces = 0;
  std::int64_t sheets = 0;
  std::int64_t pages = 0;
  bool sensitive = false;
  RunState state = RunState::awaiting_release;
  std::string released_by;
  std::string confirmed_by;
  std::string created_at;
  std::string updated_at;
  bool delivering = false;       // a copy to the printer folder was begun
  std::string delivery_problem;  // why the last copy failed; empty when none did
  std::string attention;         // why it waits for a supervisor, in attention
  std::int64_t parent = 0;       // a reprint run: the run whose pieces it replaces; 0 otherwise
  std::string reprint_problem;   // why its reprint could not be made; empty when it could
  std::string posted_on;         // the day it went to the postal service; empty until then
  std::string paper, sides, envelope, inserter;
  std::string inserts;    // feeder stations, space-separated
  std::string due;        // the day its client wants it posted (YYYY-MM-DD), or empty
  std::string redeliver;  // why a person asked to deliver it again, until the copy is made
};

std::vector<RunRecord> list_runs(Store& store, std::optional<RunState> state = std::nullopt, std::int64_t limit = 500);
std::optional<RunRecord> find_run(Store& store, std::int64_t id);
std::optional<RunRecord> find_run(Store& store, const RunNumber& number);
// A run as the audit trail names it: "run J12-R0001" (run_number.hpp); an
// audit filter on "run J12-" finds all runs of job 12.
std::string audit_object(const RunRecord& run);
// A job as the audit trail names it: "job J12", as its runs' numbers begin.
std::string job_audit_object(std::int64_t job);
std::vector<RunRecord> runs_of_job(Store& store, std::int64_t job);
// Runs the service may copy to their printers now.
std::vector<RunRecord> runs_ready_for_delivery(Store& store);
// Notes that the copy of a run to its printer begins (cleared when the run
// is delivered), if the run is still ready for delivery: false when a hold
// or cancel came first. From then on hold and cancel are refused.
bool begin_delivery(Store& store, std::int64_t run);
// Records why a copy to the printer failed ("" once one worked).
void set_delivery_problem(Store& store, std::int64_t run, const std::string& problem);
// Runs a person asked to deliver again (RunAction::redeliver), still at
// their printer; and the end of one such copy, audited. A later action on
// the run (marked printed, inserted) drops a copy not yet made.
std::vector<RunRecord> runs_to_redeliver(Store& store);
void finish_redelivery(Store& store, const RunRecord& run, const std::string& delivered_as, std::int64_t now);

// Retention: done inputs whose files in the store are older than
// `before`, and print jobs whose runs are all closed or cancelled and last
// changed before it. Scan jobs are the archive itself and never expire.
std::vector<InputRecord> inputs_expired(Store& store, const std::string& before);
std::vector<JobRecord> job_outputs_expired(Store& store, const std::string& before);
// Notes (with an audit record) that an input's or a job's files were removed.
void input_files_removed(Store& store, std::int64_t input, std::int64_t now);
void job_output_removed(Store& store, std::int64_t job, std::int64_t now);

// For the console's overview and the metrics.
enum class Counted { inputs, jobs, runs };
std::vector<std::pair<std::string, std::int64_t>> count_by_state(Store& store, Counted what);
struct ProductionTotals {
  std::int64_t printed_pages = 0;   // in runs marked printed
  std::int64_t produced_pages = 0;  // in runs produced
  std::int64_t pieces = 0;          // mail pieces in runs produced
  std::int64_t scanned_pages = 0;   // archived from scans
};
// Totals of what was printed, produced and scanned from `from` up to `to`
// (ISO times in UTC, `to` exclusive).
ProductionTotals production_between(Store& store, const std::string& from, const std::string& to);

// What some actions carry besides who acts.
struct ActionDetails {
  double max_reprint_percent = 100;  // reconcile: the run's printer's
  std::string finding;               // clear: what the supervisor checked and found (required)
  std::string reason;                // redeliver: why the printer needs it again (required)
  std::string posted_on;             // posted: the day it went to the postal service (ISO date, required)
};

// Print jobs of `inbox` whose runs are all closed (or cancelled) and whose
// posting records have not been returned: their return state "" or "writing".
struct ReturnDue {
  JobRecord job;
  std::string state;  // "" or "writing"
};
std::vector<ReturnDue> jobs_due_for_return(Store& store, const std::string& inbox);
// "" -> "writing" -> "returned" (with the audit record and the time).
void set_return_state(Store& store, std::int64_t job, const std::string& state, const std::string& detail,
                      std::int64_t now);

// A piece with what its posting record needs of its run.
struct PostedPiece {
  std::string id;
  std::string documents;  // space-separated
  std::optional<InsertStatus> status;
  std::string note;
  std::string product;
  std::string run;  // its name
  std::int64_t run_id = 0;
  RunState run_state = RunState::closed;
  std::string posted_on;
};
// The pieces of a job's first runs (reprints false) or of its reprint
// runs (true), in run and sequence order, one at a time.
void each_posted_piece(Store& store, std::int64_t job, bool reprints,
                       const std::function<void(const PostedPiece&)>& each);

// Reconciled (or posted) runs with pieces to reprint (damaged, missing, or seen twice
// and left so by the supervisor) and no reprint run yet, nor a problem
// recorded in making one.
std::vector<RunRecord> runs_due_for_reprint(Store& store);
// The runs made of `run`'s failed pieces.
std::vector<RunRecord> reprints_of(Store& store, std::int64_t run);
// Records the reprint runs made of `parent`'s failed pieces, awaiting
// release at its printer, in one transaction with the audit record
// ("reprint made"); false (and nothing recorded) when it has some already.
bool add_reprint_runs(Store& store, const RunRecord& parent, const std::vector<RunOutput>& runs, std::int64_t now);
// Why a reprint of `run` could not be made (the console shows it; the
// service does not try again until it is cleared with "").
void set_reprint_problem(Store& store, std::int64_t run, const std::string& problem);

// What the workflow rules need to know of `run` now: its state and the
// tally of its pieces and open reprints, with its printer's limit.
RunFacts run_facts(Store& store, const RunRecord& run, double max_reprint_percent);

// The workflow's decision on `action` for `run` as it is in the store,
// with what the store requires besides: a clearing's finding, a posting's
// day.
RunDecision decide_action(Store& store, const RunRecord& run, RunAction action, const Actor& actor,
                          const ActionDetails& details);

// Applies an action in one transaction (or the caller's): reads the run
// and its pieces' tally, decides by the workflow rules, writes the new
// state and the audit record. A refusal is audited too and thrown as
// kuvert::Error (input) with the reason.
RunRecord act_on_run(Store& store, std::int64_t run, RunAction action, const Actor& actor, std::int64_t now,
                     const ActionDetails& details = {});

}  // namespace kuvert::store

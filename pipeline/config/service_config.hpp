#pragma once
// What `kuvert serve` and the store commands read from kuvert.toml. Paths
// are absolute after loading (relative ones count from the file's folder).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/model/insert_status.hpp"

namespace kuvert {

// A results inbox is a printer's results folder (Printer::results): its
// inserter's results files, applied to their runs. A printfile inbox takes
// print files without an index (PDF), split by its split profile.
enum class InboxKind { job, scan, results, printfile };
std::string_view name(InboxKind kind);

// A watch folder. A file (or job folder) is taken only when complete: its
// size and mtime unchanged over `stable_checks` polls, or a NAME.ready
// trigger beside it.
struct Inbox {
  std::string name;
  std::filesystem::path folder;
  InboxKind kind = InboxKind::job;
  std::string client;   // jobs must name this client
  std::string profile;  // scan inboxes: the scan profile
  std::string printer;  // job and printfile inboxes: where released runs go; results inboxes: whose results
  // Job and printfile inboxes: where the posting records of a job whose runs are all
  // closed go back to its application (README, "Posting records"); empty: none.
  std::filesystem::path return_folder;
  double poll_seconds = 5;
  int stable_checks = 2;
  std::string split;  // printfile inboxes: the split profile (layouts/splits/NAME.toml)
  // Scan inboxes: where each archived document also goes for the document
  // management system (its PDF/A and index JSON); empty: nowhere.
  std::filesystem::path handover;
};

struct Printer {
  std::string name;
  std::filesystem::path folder;  // runs are copied in under a temporary name, then renamed
  // Where its inserter writes results files; empty when it writes none.
  // Watched as an inbox of kind results (named NAME.results) with these
  // poll_seconds and stable_checks.
  std::filesystem::path results;
  // Reconciliation (README, "Reconciliation"): the status of pieces a
  // results file does not name (none: left unset, for an operator), whether
  // a run whose every piece has a status is reconciled without one, and the
  // share of pieces to reprint above which a supervisor decides.
  std::optional<InsertStatus> unreported;
  bool auto_reconcile = false;
  double max_reprint_percent = 2;
  // Paper for the print room (README, "Paper for the print room"): a banner
  // sheet before each run in its file, a separator before each piece of a
  // run finished by hand, and the run ticket as a PDF beside the run file.
  bool banner = false;
  bool separators = false;
  bool ticket = false;
};

// The printer called `name`, or nullptr.
const Printer* printer_named(const std::vector<Printer>& printers, const std::string& name);

// What one job or scan batch may use: it is produced in a child process
// (service/production_process.hpp) that is stopped at these limits.
struct JobLimits {
  std::uint64_t memory_mb = 4096;    // address space (RLIMIT_AS)
  std::uint64_t cpu_seconds = 3600;  // CPU time of all its threads (RLIMIT_CPU)
  std::uint64_t wall_seconds = 7200;
};

struct ServiceConfig {
  std::filesystem::path file;  // the kuvert.toml read
  std::filesystem::path store;
  bool wal = true;
  // Set: the store's database is this PostgreSQL one (shared by the hosts
  // of a centre), `store` the file area they share; empty: SQLite in `store`.
  std::string store_url;
  // How long a worker's claim on a unit of work outlives its last
  // heartbeat (store/work_claims.hpp): how soon a killed worker's work is
  // taken over, and how long a database failover may take without one.
  int lease_seconds = 30;
  // On a PostgreSQL store, a scan batch of more pages than this is read by
  // every worker at once, in parts of so many pages (0: never split).
  std::size_t scan_part_pages = 50;
  std::string listen_host = "127.0.0.1";
  int listen_port = 8470;
  std::int64_t session_seconds = 30 * 60;
  int lockout_attempts = 5;
  std::int64_t lockout_seconds = 15 * 60;
  std::size_t connections_per_client = 16;  // console connections one IP address may hold
  int request_seconds = 10;                 // for a console request to arrive whole
  std::string time_zone = "Europe/Berlin";  // the centre's: what "today" is (centre_time.hpp)
  std::filesystem::path layouts;            // default: the shipped layouts/
  std::filesystem::path fonts;              // default: the shipped fonts/
  std::size_t max_sheets = 2000;
  unsigned threads = 0;
  int keep_inputs_days = 90;   // taken inputs in the store's archive
  int keep_outputs_days = 30;  // outputs of closed and cancelled runs' jobs
  JobLimits job_limits;
  // The kuvert binary that produces jobs in child processes; the running
  // one unless a test names another.
  std::filesystem::path program = "/proc/self/exe";
  std::vector<Printer> printers;
  std::vector<Inbox> inboxes;
};

// Reads and checks kuvert.toml, every problem at once (kuvert::Error,
// input). `layouts` and `fonts` are the defaults for absent keys.
ServiceConfig load_service_config(const std::filesystem::path& file, const std::filesystem::path& layouts,
                                  const std::filesystem::path& fonts);

}  // namespace kuvert

#pragma once
// An inserter's results file applied to a run (README, "Results files"):
// the same for a file in a printer's results folder (an inbox of kind
// results, taken as any input) and for `kuvert runs results RUN FILE`.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "pipeline/config/service_config.hpp"
#include "pipeline/store/job_records.hpp"

namespace kuvert::service {

// The run delivered as `name`: its run file's name ("J12-grundsteuer-
// 2026-R0001.pdf"), with or without ".pdf", or a results file named after
// it ("J12-grundsteuer-2026-R0001.results.csv", or ".results.txt").
std::optional<store::RunRecord> run_delivered_as(store::Store& store, std::string name);

struct ResultsApplied {
  store::RunRecord run;  // as it is after them
  std::uint64_t events = 0;
};

// Where a results file comes from.
struct ResultsOrigin {
  std::optional<store::RunRecord> run;  // given (the command line); else the file's name or `run` column names it
  std::string printer;                  // a results folder's printer, to which the run must have gone; "": any
  std::string user;                     // for the audit trail
};

// Reads `file` twice, as a stream. First every line is checked, against
// the store too: each piece one of the run's, a `run` column naming it, the
// run delivered (to the origin's printer) and not yet reconciled. A file with
// any problem changes nothing and its problems are thrown (kuvert::Error,
// input). Then, in one transaction with its audit record and whatever
// `within` records (joining it), each event sets its piece's insert status;
// the run's pieces the file does not name become ok (a reprint list) or
// its printer's `unreported` status; and a printer that reconciles
// automatically reconciles the run once every piece has a status.
ResultsApplied apply_results_file(store::Store& store, const std::vector<Printer>& printers,
                                  const ResultsOrigin& origin, const std::filesystem::path& file, std::int64_t now,
                                  const std::function<void()>& within = {});

// A results file the service took from a printer's results folder: applied,
// its input done in the same transaction (so that a kill at any moment
// applies it once: again from the start, or not at all); refused with its
// problems into the folder's error/. Throws kuvert::Error (system) for
// failures worth another try.
void process_results_input(store::Store& store, const ServiceConfig& config, const Inbox& inbox,
                           const store::InputRecord& input, std::int64_t now,
                           const std::function<void(const std::string&)>& log, const std::string& worker);

}  // namespace kuvert::service

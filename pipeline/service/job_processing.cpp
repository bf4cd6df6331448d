#include "pipeline/service/job_processing.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "pipeline/model/counted.hpp"
#include "pipeline/model/csv_rows.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/model/job_summary.hpp"
#include "pipeline/model/run_ticket.hpp"
#include "pipeline/model/scan_summary.hpp"
#include "pipeline/service/child_production.hpp"
#include "pipeline/service/inbox_files.hpp"
#include "pipeline/service/inbox_intake.hpp"
#include "pipeline/service/results_intake.hpp"
#include "pipeline/service/scan_handover.hpp"
#include "pipeline/service/scan_part_work.hpp"
#include "pipeline/store/scan_part_records.hpp"
#include "pipeline/store/store.hpp"
#include "pipeline/store/work_claims.hpp"
#include "stages/ingest/job_manifest.hpp"

namespace kuvert::service {

namespace fs = std::filesystem;
using namespace kuvert::store;

namespace {

const Inbox* inbox_named(const ServiceConfig& config, const std::string& name) {
  for (const auto& inbox : config.inboxes)
    if (inbox.name == name) return &inbox;
  return nullptr;
}

// A result file the production child wrote, as its type (JobSummary,
// RunTicket, ScanSummary); one that does not read is a system fault, tried
// again, never a count of 0.
template <typename Result>
Result read_result(const fs::path& file) {
  try {
    std::ifstream in(file);
    if constexpr (std::is_same_v<Result, RunTicket>) return read_run_ticket(nlohmann::json::parse(in));
    return nlohmann::json::parse(in).get<Result>();
  } catch (const nlohmann::json::exception& error) {
    throw_system(Where{.file = file.string()}, std::string("cannot be read: ") + error.what());
  }
}

// The pieces a run's R.csv lists, in sequence: the store keeps them for
// reconciliation. A manifest that does not read is a system fault.
std::vector<PieceOutput> listed_pieces(const fs::path& manifest) {
  std::ifstream in(manifest, std::ios::binary);
  CsvRowReader rows(in, skip_bom(in));
  CsvRow row;
  std::vector<std::string> header;
  std::vector<PieceOutput> pieces;
  const auto column = [&header, &manifest](const char* name) {
    const auto at = std::find(header.begin(), header.end(), name);
    if (at == header.end()) throw_system(Where{.file = manifest.string(), .field = name}, "is not a column of it");
    return static_cast<std::size_t>(at - header.begin());
  };
  std::size_t id = 0, sequence = 0, sheets = 0, documents = 0, product = 0, postage = 0, weight = 0, country = 0,
              inserts = 0, manual = 0, recipient = 0, postcode = 0;
  while (rows.next(row)) {
    if (!row.problem.empty()) throw_system(Where{.file = manifest.string()}, row.problem);
    if (header.empty()) {
      header = row.cells;
      id = column("piece_id"), sequence = column("sequence"), sheets = column("sheets"),
      documents = column("documents");
      product = column("product"), postage = column("postage_cents"), weight = column("weight_g");
      country = column("country"), inserts = column("inserts"), manual = column("manual_reason");
      recipient = column("recipient"), postcode = column("postcode");
      continue;
    }
    if (row.cells.size() != header.size()) throw_system(Where{.file = manifest.string()}, "has a row of another width");
    try {
      const auto& cents = row.cells[postage];
      // Inserts as R.csv lists them: feeder stations, space-separated.
      std::istringstream stations(row.cells[inserts]);
      const auto insert_count = std::distance(std::istream_iterator<std::string>(stations), {});
      pieces.push_back({row.cells[id], std::stoll(row.cells[sequence]), std::stoll(row.cells[sheets]),
                        row.cells[documents], row.cells[product],
                        cents.empty() ? std::nullopt : std::optional<std::int64_t>(std::stoll(cents)),
                        std::stod(row.cells[weight]), row.cells[country], insert_count, !row.cells[manual].empty(),
                        row.cells[recipient], row.cells[postcode]});
    } catch (const std::logic_error&) {
      throw_system(Where{.file = manifest.string(), .record = row.cells[id]}, "has a number that does not read");
    }
  }
  return pieces;
}

}  // namespace

std::string production_date(const fs::path& output) {
  return read_result<JobSummary>(output / "summary.json").production_date;
}

JobResult print_result(const fs::path& output) {
  const auto summary = read_result<JobSummary>(output / "summary.json");
  JobResult result;
  result.name = summary.job;
  result.documents = static_cast<std::int64_t>(summary.documents);
  result.pages = static_cast<std::int64_t>(summary.pages);
  result.pieces = static_cast<std::int64_t>(summary.pieces);
  for (const auto& run : summary.runs) {
    const auto ticket = read_result<RunTicket>(output / (run.run + ".json"));
    const auto& production = ticket.production;
    std::string inserts;
    for (const auto& insert : production.inserts) inserts += (inserts.empty() ? "" : " ") + insert.feeder;
    result.runs.push_back({run.run, run.file, static_cast<std::int64_t>(run.pieces),
                           static_cast<std::int64_t>(run.sheets), static_cast<std::int64_t>(ticket.counts.pages),
                           ticket.counts.sensitive_documents > 0, listed_pieces(output / (run.run + ".csv")),
                           production.paper, production.sides, production.envelope, production.inserter, inserts,
                           ticket.due.value_or("")});
  }
  return result;
}

namespace {

// A JSON array of texts; file names from Windows shares may be Latin-1.
std::string json_lines(const std::vector<std::string>& lines) {
  return nlohmann::json(lines).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The files a scan batch rejected, each with its reason.
std::vector<Diagnostic> rejected_files(const ScanSummary& summary) {
  std::vector<Diagnostic> rejected;
  for (const auto& file : summary.rejected) {
    Where where;
    where.file = fs::path(file.file).filename().string();
    rejected.push_back({where, file.reason});
  }
  return rejected;
}

// A finished scan batch, which must have archived pages before its job
// counts as done: one that has none is refused with its rejected files,
// and its output goes. (Read after every production, and again after a
// crash that came between the two. A job inbox's client is checked by the
// production child before it produces anything.)
JobResult scan_result(const ScanSummary& summary, const fs::path& output, const std::string& name) {
  if (summary.documents.empty()) {
    std::vector<Diagnostic> problems = rejected_files(summary);
    if (problems.empty()) problems.push_back({{}, "no pages to archive"});
    std::error_code error;
    fs::remove_all(output, error);
    throw Error(ErrorKind::input, std::move(problems));
  }
  JobResult result;
  result.name = name;
  result.documents = static_cast<std::int64_t>(summary.documents.size());
  result.pages = static_cast<std::int64_t>(summary.pages);
  std::vector<std::string> rejected;
  for (const auto& file : rejected_files(summary)) rejected.push_back(file.where.file + ": " + file.message);
  result.errors = json_lines(rejected);
  return result;
}

// The command line of the child that produces `input` as `job` in `work`.
std::vector<std::string> production_arguments(const ServiceConfig& config, const Inbox& inbox, const InputRecord& input,
                                              const JobRecord& job, const fs::path& work, std::int64_t now) {
  if (inbox.kind == InboxKind::scan) {
    // Archived documents are INBOX-INPUT-0001, ...: unique in the store.
    return {"scan", input.place, "--profile", inbox.profile, "--name", inbox.name + "-" + std::to_string(input.id)};
  }
  return print_job_arguments(config, input.place, job, iso_time(now).substr(0, 10), work, inbox.split);
}

// Produces the job in a child process (produce_in_child).
std::optional<std::string> produce(const ServiceConfig& config, const Inbox& inbox, const InputRecord& input,
                                   const JobRecord& job, std::int64_t now, const std::atomic<bool>& stopping) {
  return produce_in_child(
      config,
      {[&](const fs::path& work) { return production_arguments(config, inbox, input, job, work, now); },
       {fs::path(input.place).parent_path()},
       inbox.kind == InboxKind::scan ? "the scan batch " : "the job ",
       now},
      job.output, stopping);
}

std::vector<std::string> problem_lines(const Error& error) {
  std::vector<std::string> lines;
  for (const auto& problem : error.problems()) lines.push_back(describe(problem.where, problem.message));
  return lines;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) {
    if (!text.empty()) text += '\n';
    text += line;
  }
  return text;
}

// What a failed job's job.json says it is, as far as it can be read (the
// manifest reader has its limits and is fuzzed): the console shows that,
// not the inbox's client and the folder's name.
FailedJobIdentity identity_of(const Inbox& inbox, const InputRecord& input) {
  // A print file's job is named after it (kuvert split).
  if (inbox.kind == InboxKind::printfile) return {fs::path(input.name).stem().string(), inbox.client};
  if (inbox.kind != InboxKind::job) return {};
  const auto read = read_job_fields(input.place);
  return {read.job, read.client};
}

// The job failed: recorded, and its input goes to error/ with the reasons
// (after a crash in between, recover_failed_inputs moves it).
void fail(Store& store, const Inbox& inbox, const InputRecord& input, std::int64_t job,
          const std::vector<std::string>& reasons, std::int64_t now, const ServiceLog& log, const std::string& worker) {
  // A scan batch's parts go with it: no worker reads them any more.
  as_holder(store, ClaimedUnit::input, input.id, worker, [&] {
    fail_job(store, job, json_lines(reasons), now, identity_of(inbox, input));
    drop_scan_parts(store, input.id);
  });
  if (inbox.kind == InboxKind::scan) remove_scan_parts_folder(store, input.id);
  send_to_error_folder(store, inbox, input, joined(reasons), log);
}

// The job made of `input`: the one begun before a crash, or a new one.
// One job per input, so the input's id names the output.
JobRecord job_for(Store& store, const Inbox& inbox, const InputRecord& input, std::int64_t now) {
  if (auto job = job_of_input(store, input.id)) return *job;
  const JobKind kind = inbox.kind == InboxKind::scan ? JobKind::scan : JobKind::job;
  const fs::path output = store.jobs_folder() / ("input-" + std::to_string(input.id));
  start_job(store, input.id, kind, inbox.name, input.name, inbox.client, output.string(), now);
  return *job_of_input(store, input.id);
}

}  // namespace

void process_input(Store& store, const ServiceConfig& config, const InputRecord& input, const Clock& clock,
                   const ServiceLog& log, const std::atomic<bool>& stopping, const std::string& worker) {
  const std::int64_t now = clock();
  const Inbox* inbox = inbox_named(config, input.inbox);
  const std::string label = input_label(input);
  if (!inbox) {
    // Perhaps another host's kuvert.toml has it.
    release_claim(store, ClaimedUnit::input, input.id, worker);
    log(label + ": inbox \"" + input.inbox + "\" is not configured here; left as it is for a host that has it");
    return;
  }
  if (inbox->kind == InboxKind::results) return process_results_input(store, config, *inbox, input, now, log, worker);
  const JobRecord job = job_for(store, *inbox, input, now);
  const fs::path output = job.output;
  try {
    std::error_code error;
    if (!fs::exists(output / "summary.json", error)) {
      // A large scan batch is read by every worker at once.
      PartsOutcome outcome{false, ""};
      if (inbox->kind == InboxKind::scan && scans_in_parts(config))
        outcome = produce_scan_in_parts(store, config, *inbox, input, job, now, stopping, worker, log);
      if (!outcome.split) outcome.poison = produce(config, *inbox, input, job, now, stopping).value_or("");
      if (!outcome.poison.empty()) {
        log(label + ": " + outcome.poison);
        fail(store, *inbox, input, job.id, {outcome.poison}, clock(), log, worker);
        return;
      }
    }
    // The parts it was read in go (also when a worker that died had assembled it).
    if (job.kind == JobKind::scan) discard_scan_parts(store, input, worker);
    // A scan batch's summary, read once for its result and its hand-over.
    const auto scanned =
        job.kind == JobKind::scan ? std::optional(read_result<ScanSummary>(output / "summary.json")) : std::nullopt;
    const JobResult result = scanned ? scan_result(*scanned, output, input.name) : print_result(output);
    // Handed over before the job is done: a stop in between hands it over again.
    if (scanned && !inbox->handover.empty()) {
      const auto written = hand_over_scans(*scanned, output, inbox->handover);
      log(label + ": " + counted(written.size() / 2, "document", "documents") + " handed over to " +
          inbox->handover.string());
    }
    as_holder(store, ClaimedUnit::input, input.id, worker,
              [&] { finish_job(store, job.id, result, inbox->printer, clock()); });
    const std::string outcome =
        job.kind == JobKind::scan
            ? counted(result.documents, "document", "documents") + " archived in " + output.string()
            : counted(result.runs.size(), "run awaits", "runs await") + " release";
    log(label + ": job J" + std::to_string(job.id) + " \"" + result.name + "\" done, " + outcome);
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::input) throw;  // the disk, the store: tried again
    fail(store, *inbox, input, job.id, problem_lines(error), clock(), log, worker);
  }
}

void abandon_input(Store& store, const ServiceConfig& config, const InputRecord& input, const std::string& reason,
                   std::int64_t now, const ServiceLog& log, const std::string& worker) {
  const Inbox* inbox = inbox_named(config, input.inbox);
  if (!inbox) return;
  if (inbox->kind == InboxKind::results) {
    as_holder(store, ClaimedUnit::input, input.id, worker,
              [&] { set_input_state(store, input.id, InputState::failed, reason, now); });
    return send_to_error_folder(store, *inbox, input, reason, log);
  }
  fail(store, *inbox, input, job_for(store, *inbox, input, now).id, {reason}, now, log, worker);
}

void recover_failed_inputs(Store& store, const ServiceConfig& config, const ServiceLog& log,
                           const std::string& worker) {
  for (const auto& input : inputs_in_state(store, InputState::failed)) {
    std::error_code error;
    const Inbox* inbox = inbox_named(config, input.inbox);
    if (!inbox || !entry_inside(input.place, store.inputs_folder()) || !fs::exists(input.place, error)) continue;
    // The worker that failed it may be moving it at this moment.
    if (!claimable(store, ClaimedUnit::input, input.id, worker)) continue;
    if (inbox->kind == InboxKind::scan) remove_scan_parts_folder(store, input.id);
    std::vector<std::string> reasons{input.reason};
    if (const auto job = job_of_input(store, input.id)) {
      const auto errors = nlohmann::json::parse(job->errors, nullptr, false);
      if (errors.is_array() && !errors.empty()) reasons = errors.get<std::vector<std::string>>();
    }
    send_to_error_folder(store, *inbox, input, joined(reasons), log);
  }
}

}  // namespace kuvert::service

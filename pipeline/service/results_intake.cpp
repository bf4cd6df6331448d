#include "pipeline/service/results_intake.hpp"

#include <fstream>

#include "pipeline/model/counted.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/service/inbox_intake.hpp"
#include "pipeline/service/run_delivery.hpp"
#include "pipeline/store/audit_trail.hpp"
#include "pipeline/store/piece_records.hpp"
#include "pipeline/store/work_claims.hpp"
#include "stages/reconcile/results_file.hpp"

namespace kuvert::service {

namespace fs = std::filesystem;
using namespace kuvert::store;

namespace {

ResultsReading read_file(const fs::path& file, const std::function<void(const ResultEvent&)>& each) {
  std::error_code error;
  if (fs::is_directory(file, error))
    throw_input(Where{.file = file.filename().string()}, "is a folder, not a results file");
  std::ifstream in(file, std::ios::binary);
  if (!in) throw_input(Where{.file = file.filename().string()}, "cannot be opened");
  return read_results(in, file.filename().string(), each);
}

std::string without_suffix(std::string text, std::string_view suffix) {
  if (text.size() > suffix.size() && text.ends_with(suffix)) text.resize(text.size() - suffix.size());
  return text;
}

// The run file's name without ".pdf": how a file or column names its run.
std::string delivered_stem(const RunRecord& run) { return without_suffix(delivered_name(run), ".pdf"); }

bool names_run(const std::string& text, const RunRecord& run) {
  return without_suffix(text, ".pdf") == delivered_stem(run);
}

// Why results cannot be applied to `run` now, or "".
std::string not_open_for_results(const RunRecord& run, const std::string& printer) {
  switch (run.state) {
    case RunState::delivered:
    case RunState::printed:
    case RunState::inserted:
      break;
    default:
      return "run " + delivered_stem(run) + " is " + std::string(name(run.state)) +
             ": results are taken from its delivery until it is reconciled";
  }
  if (!printer.empty() && run.printer != printer)
    return "run " + delivered_stem(run) + " went to printer \"" + run.printer + "\", not to \"" + printer + "\"";
  return {};
}

}  // namespace

std::optional<RunRecord> run_delivered_as(Store& store, std::string name) {
  for (const char* suffix : {".results.csv", ".results.txt", ".pdf"}) name = without_suffix(name, suffix);
  // "J<job>-...": the job's runs are the only candidates.
  if (name.size() < 3 || name[0] != 'J') return std::nullopt;
  std::int64_t job = 0;
  std::size_t at = 1;
  for (; at < name.size() && at < 19 && name[at] >= '0' && name[at] <= '9'; ++at) job = job * 10 + (name[at] - '0');
  if (at == 1 || at >= name.size() || name[at] != '-') return std::nullopt;
  for (auto& run : runs_of_job(store, job))
    if (delivered_stem(run) == name) return run;
  return std::nullopt;
}

ResultsApplied apply_results_file(Store& store, const std::vector<Printer>& printers, const ResultsOrigin& origin,
                                  const fs::path& file, std::int64_t now, const std::function<void()>& within) {
  // First pass: the file, and each piece against the store.
  std::vector<Diagnostic> problems;
  const std::string name = file.filename().string();
  std::optional<RunRecord> run = origin.run ? origin.run : run_delivered_as(store, name);
  const Diagnostic no_run{Where{.file = name},
                          "names no run: name the file after its run file (J12-grundsteuer-R0001.results.csv) or give "
                          "a run column"};
  bool run_unknown = false;  // said once
  PieceLookup pieces(store);
  auto checked = read_file(file, [&](const ResultEvent& event) {
    Where where{.file = name, .record = "line " + std::to_string(event.line), .field = "run"};
    if (problems.size() >= kMaxResultsProblems || run_unknown) return;
    if (!run && !event.run.empty()) {
      run = run_delivered_as(store, event.run);
      if (!run) {
        problems.push_back({where, "\"" + event.run +
                                       "\" is no run kuvert delivered (expected its run file's name, "
                                       "such as J12-grundsteuer-R0001)"});
        run_unknown = true;
        return;
      }
    }
    if (!run) {
      problems.push_back(no_run);
      run_unknown = true;
      return;
    }
    if (!event.run.empty() && !names_run(event.run, *run)) {
      problems.push_back(
          {where, "names run \"" + event.run + "\", but the file is applied to run " + delivered_stem(*run)});
      return;
    }
    where.field = "piece";
    const auto piece = pieces.find(event.piece);
    if (!piece)
      problems.push_back({where, "\"" + event.piece + "\" is no piece kuvert made"});
    else if (piece->run != run->id)
      problems.push_back({where, "\"" + event.piece + "\" is a piece of another run, not of " + delivered_stem(*run)});
  });
  problems.insert(problems.begin(), checked.problems.begin(), checked.problems.end());
  if (run) {
    if (const auto reason = not_open_for_results(*run, origin.printer); !reason.empty())
      problems.insert(problems.begin(), {Where{.file = name}, reason});
  } else if (problems.empty()) {
    problems.push_back(no_run);
  }
  if (!problems.empty()) throw Error(ErrorKind::input, std::move(problems));

  // Second pass: applied whole or not at all, to the run as it is now (an
  // operator may have reconciled it during the first pass).
  Transaction transaction(store.db());
  if (const auto reason = not_open_for_results(*find_run(store, run->id), origin.printer); !reason.empty())
    throw_input(Where{.file = name}, reason);
  InsertStatusUpdate update(store, run->id);
  const auto applied = read_file(file, [&](const ResultEvent& event) {
    update.set(event.piece, event.status, event.time.empty() ? iso_time(now) : event.time, event.station, event.note);
  });
  if (applied.events != checked.events || !applied.problems.empty())
    throw_system(Where{.file = name}, "changed while it was being applied");
  std::string detail = name + ": " + std::to_string(applied.events) + " events";
  const Printer* printer = printer_named(printers, run->printer);
  const auto unreported = applied.form == ResultsForm::reprint_list ? std::optional(InsertStatus::ok)
                          : printer                                 ? printer->unreported
                                                                    : std::nullopt;
  if (unreported)
    detail += ", " + std::to_string(set_unset_pieces(store, run->id, *unreported, iso_time(now))) + " others " +
              std::string(kuvert::name(*unreported));
  append_audit(store, {iso_time(now), origin.user, "results applied", audit_object(*run), detail});
  if (within) within();
  if (printer && printer->auto_reconcile && tally_pieces(store, run->id).unset == 0)
    act_on_run(store, run->id, RunAction::reconcile, {"kuvert", Role::viewer, true}, now,
               {.max_reprint_percent = printer->max_reprint_percent});
  transaction.commit();
  return {*find_run(store, run->id), applied.events};
}

void process_results_input(Store& store, const ServiceConfig& config, const Inbox& inbox, const InputRecord& input,
                           std::int64_t now, const std::function<void(const std::string&)>& log,
                           const std::string& worker) {
  const std::string label = input_label(input);
  // Recorded only while `worker` holds the input (work_claims.hpp).
  const auto settle = [&](InputState state, const std::string& reason) {
    as_holder(store, ClaimedUnit::input, input.id, worker,
              [&] { set_input_state(store, input.id, state, reason, now); });
  };
  try {
    const auto applied = apply_results_file(store, config.printers, {.printer = inbox.printer, .user = "kuvert"},
                                            input.place, now, [&] { settle(InputState::done, ""); });
    log(label + ": " + counted(applied.events, "result", "results") + " applied to run " +
        run_number(applied.run.job, applied.run.name) + " (" + delivered_stem(applied.run) + "), now " +
        std::string(name(applied.run.state)) + (applied.run.attention.empty() ? "" : ": " + applied.run.attention));
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::input) throw;  // the disk, the store: tried again
    settle(InputState::failed, error.what());
    send_to_error_folder(store, inbox, input, error.what(), log);
  }
}

}  // namespace kuvert::service

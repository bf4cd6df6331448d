#include "pipeline/service/reprint_production.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <sstream>

#include "pipeline/driver/reprint_selection.hpp"
#include "pipeline/model/counted.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/model/reprint_order.hpp"
#include "pipeline/service/child_production.hpp"
#include "pipeline/service/inbox_files.hpp"
#include "pipeline/store/piece_records.hpp"

namespace kuvert::service {

namespace fs = std::filesystem;
using namespace kuvert::store;

namespace {

fs::path order_file(const JobRecord& job, const RunRecord& run) {
  return fs::path(job.output) / ("reprint-" + run.name + ".order.json");
}

std::optional<ReprintOrder> order_on_file(const fs::path& file) {
  std::error_code error;
  if (!fs::exists(file, error)) return std::nullopt;
  try {
    return read_reprint_order(file);
  } catch (const Error&) {
    return std::nullopt;  // half written before a crash: made anew
  }
}

// The reprint of `run`'s failed pieces. Its order already on file (`on_file`) for the
// same pieces stands as it is, with the run names it reserved; a new one
// is numbered after every reprint run of the job, recorded or ordered (an
// order is written before its production, so two parents' reprints never
// share a name, even when one was made and not yet recorded).
ReprintOrder order_for(Store& store, const JobRecord& job, const RunRecord& run,
                       const std::optional<ReprintOrder>& on_file) {
  ReprintOrder order{run.name, 1, {}};
  for (const auto& piece : pieces_to_reprint(store, run.id)) {
    ReprintedPiece& reprinted = order.pieces.emplace_back(ReprintedPiece{piece.id, {}});
    std::istringstream documents(piece.documents);
    for (std::string id; documents >> id;) reprinted.documents.push_back(id);
  }
  if (on_file && on_file->pieces == order.pieces) return *on_file;
  const fs::path own = order_file(job, run);
  // Run names are the letter and a number ("N0003"); any other is no reprint's.
  for (const auto& other : runs_of_job(store, run.job)) {
    std::size_t number = 0;
    const char* digits = other.name.data() + 1;
    const char* end = other.name.data() + other.name.size();
    if (other.name.size() > 1 && other.name[0] == kReprintRunLetter && std::from_chars(digits, end, number).ptr == end)
      order.first_run = std::max(order.first_run, number + 1);
  }
  // Every run of an order holds at least one of its pieces, so it takes at
  // most as many names as it has pieces. Reprints are made one at a time
  // by one worker of the store (its housekeeping), so the files read here
  // do not change meanwhile.
  for (const auto& entry : fs::directory_iterator(job.output)) {
    const std::string name = entry.path().filename().string();
    if (name == own.filename().string() || !name.starts_with("reprint-") || !name.ends_with(".order.json")) continue;
    if (const auto other = order_on_file(entry.path()))
      order.first_run = std::max(order.first_run, other->first_run + other->pieces.size());
  }
  return order;
}

}  // namespace

void make_reprint(Store& store, const ServiceConfig& config, const RunRecord& run, const Clock& clock,
                  const ServiceLog& log, const std::atomic<bool>& stopping) {
  const std::string label = "run " + run_number(run.job, run.name) + " (" + run.job_name + ")";
  const auto give_up = [&](const std::string& problem) {
    set_reprint_problem(store, run.id, problem);
    log(label + ": no reprint: " + problem);
  };
  const auto job = find_job(store, run.job);
  const auto input = job ? find_input(store, job->input) : std::nullopt;
  std::error_code error;
  // What its runs were made of: the input, or for a print file the job
  // folder its split wrote beside the runs (the same documents, whatever
  // the split profile says by now).
  const fs::path split = job ? fs::path(job->output) / "split" : fs::path();
  const fs::path source = job && fs::exists(split / "job.json", error) ? split : fs::path(input ? input->place : "");
  if (!job || !input || source.empty() || !fs::exists(source, error))
    return give_up(
        "the job's input is no longer kept in the store (retention): reprint its pieces from the "
        "specialist application");
  const fs::path output = fs::path(job->output) / ("reprint-" + run.name);
  const fs::path order = order_file(*job, run);
  const auto on_file = order_on_file(order);
  const ReprintOrder wanted = order_for(store, *job, run, on_file);
  if (on_file != wanted) {
    // Made for other pieces before they were decided again, never recorded: made anew.
    fs::remove_all(output);
    write_file_atomically(order, nlohmann::json(wanted).dump(2) + "\n");
  }
  if (!fs::exists(output / "summary.json", error)) {
    // The letters are made for the job's own production date: the same.
    const std::string date = production_date(job->output);
    ChildProduction production{[&](const fs::path& work) {
                                 auto arguments = print_job_arguments(config, source, *job, date, work);
                                 arguments.insert(arguments.end(), {"--reprint", order.string()});
                                 return arguments;
                               },
                               {source.parent_path(), order.parent_path()},
                               "the reprint ",
                               clock()};
    try {
      if (const auto poison = produce_in_child(config, production, output, stopping)) return give_up(*poison);
    } catch (const Error& refused) {
      if (refused.kind() != ErrorKind::input) throw;
      return give_up(refused.what());
    }
  }
  auto result = print_result(output);
  for (auto& made : result.runs) made.file = "reprint-" + run.name + "/" + made.file;
  if (!add_reprint_runs(store, run, result.runs, clock())) return;
  std::string names;
  for (const auto& made : result.runs) names += (names.empty() ? "" : ", ") + made.name;
  log(label + ": reprint " + names + " made of " + counted(result.pieces, "piece", "pieces") + "; awaits release");
}

}  // namespace kuvert::service

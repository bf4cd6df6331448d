#include "pipeline/service/reprint_production.hpp"

#include <sstream>

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

ReprintOrder order_for(Store& store, const RunRecord& run) {
  ReprintOrder order{run.name, 1, {}};
  for (const auto& other : runs_of_job(store, run.job))
    order.first_run += other.name.starts_with(kReprintRunLetter) ? 1 : 0;
  for (const auto& piece : pieces_to_reprint(store, run.id)) {
    ReprintedPiece& reprinted = order.pieces.emplace_back(ReprintedPiece{piece.id, {}});
    std::istringstream documents(piece.documents);
    for (std::string id; documents >> id;) reprinted.documents.push_back(id);
  }
  return order;
}

}  // namespace

void make_reprint(Store& store, const ServiceConfig& config, const RunRecord& run, const Clock& clock,
                  const ServiceLog& log, const std::atomic<bool>& stopping) {
  const std::string label = "run " + std::to_string(run.id) + " (" + run.job_name + " " + run.name + ")";
  const auto give_up = [&](const std::string& problem) {
    set_reprint_problem(store, run.id, problem);
    log(label + ": no reprint: " + problem);
  };
  const auto job = find_job(store, run.job);
  const auto input = job ? find_input(store, job->input) : std::nullopt;
  std::error_code error;
  if (!job || !input || input->place.empty() || !fs::exists(input->place, error))
    return give_up(
        "the job's input is no longer kept in the store (retention): reprint its pieces from the "
        "specialist application");
  const fs::path output = fs::path(job->output) / ("reprint-" + run.name);
  if (!fs::exists(output / "summary.json", error)) {
    const fs::path order_file = fs::path(job->output) / ("reprint-" + run.name + ".order.json");
    write_file_atomically(order_file, nlohmann::json(order_for(store, run)).dump(2) + "\n");
    // The letters are made for the job's own production date: the same.
    const std::string date = job->created_at.substr(0, 10);
    ChildProduction production{[&](const fs::path& work) {
                                 auto arguments = print_job_arguments(config, input->place, *job, date, work);
                                 arguments.insert(arguments.end(), {"--reprint", order_file.string()});
                                 return arguments;
                               },
                               {fs::path(input->place).parent_path(), order_file.parent_path()},
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

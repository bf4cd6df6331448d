#include "pipeline/service/results_intake.hpp"

#include <fstream>

#include "pipeline/model/error.hpp"
#include "pipeline/store/audit_trail.hpp"
#include "pipeline/store/piece_records.hpp"
#include "stages/ingest/results_file.hpp"

namespace kuvert::service {

namespace fs = std::filesystem;
using namespace kuvert::store;

namespace {

ResultsReading read_file(const fs::path& file, const std::function<void(const ResultEvent&)>& each) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw_input(Where{.file = file.filename().string()}, "cannot be opened");
  return read_results(in, file.filename().string(), each);
}

}  // namespace

std::uint64_t apply_results_file(Store& store, const RunRecord& run, const fs::path& file, const std::string& user,
                                 std::int64_t now) {
  // First pass: the file, and each piece against the store.
  std::vector<Diagnostic> problems;
  const std::string name = file.filename().string();
  PieceLookup pieces(store);
  auto checked = read_file(file, [&](const ResultEvent& event) {
    Where where{.file = name, .record = "line " + std::to_string(event.line), .field = "piece"};
    if (problems.size() >= kMaxResultsProblems) return;
    if (!event.run.empty() && event.run != run.name) {
      where.field = "run";
      problems.push_back({where, "names run \"" + event.run + "\", but the file is applied to run " + run.name});
      return;
    }
    const auto piece = pieces.find(event.piece);
    if (!piece)
      problems.push_back({where, "\"" + event.piece + "\" is no piece kuvert made"});
    else if (piece->run != run.id)
      problems.push_back({where, "\"" + event.piece + "\" is a piece of another run, not of " + run.name});
  });
  problems.insert(problems.begin(), checked.problems.begin(), checked.problems.end());
  if (!problems.empty()) throw Error(ErrorKind::input, std::move(problems));

  // Second pass: applied whole or not at all.
  Transaction transaction(store.db());
  InsertStatusUpdate update(store, run.id);
  const auto applied = read_file(file, [&](const ResultEvent& event) {
    update.set(event.piece, event.status, event.time.empty() ? iso_time(now) : event.time, event.station, event.note);
  });
  if (applied.events != checked.events || !applied.problems.empty())
    throw_system(Where{.file = name}, "changed while it was being applied");
  std::string detail = name + ": " + std::to_string(applied.events) + " events";
  if (applied.form == ResultsForm::reprint_list)
    detail += ", " + std::to_string(set_unset_pieces(store, run.id, InsertStatus::ok, iso_time(now))) + " others ok";
  append_audit(store, {iso_time(now), user, "results applied", "run " + std::to_string(run.id), detail});
  transaction.commit();
  return applied.events;
}

}  // namespace kuvert::service

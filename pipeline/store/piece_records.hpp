#pragma once
// The mail pieces of the store's runs and what became of each at the
// inserter (issue 15's reconciliation). Recorded with their runs when a
// job is done (finish_job); their insert status set from results files or
// by an operator, each change within the caller's transaction.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/model/insert_status.hpp"
#include "pipeline/model/posting_line.hpp"
#include "pipeline/store/run_workflow.hpp"
#include "pipeline/store/store.hpp"

namespace kuvert::store {

// The statuses of pieces to reprint, as SQL: damaged, missing, and seen
// twice (a duplicate a supervisor left so).
inline constexpr const char* kStatusesToReprint = "('damaged', 'missing', 'duplicate')";

struct PieceRecord {
  std::string id;
  std::int64_t run = 0;
  std::int64_t sequence = 0;
  std::int64_t sheets = 0;
  std::string documents;              // their ids, space-separated
  std::optional<InsertStatus> status;  // none: not set yet
  std::string status_at;
  std::string station;
  std::string note;
};

// Looks pieces up by id one after another on one prepared statement: a
// results file may name a million.
class PieceLookup {
 public:
  explicit PieceLookup(Store& store);
  std::optional<PieceRecord> find(const std::string& id);

 private:
  Statement query_;
};

std::optional<PieceRecord> find_piece(Store& store, const std::string& id);
std::vector<PieceRecord> pieces_of_run(Store& store, std::int64_t run);
// The run's pieces that did not simply go out (any status but ok), at most
// `limit`: what an operator looks at. Pieces seen twice come first, in
// sequence, then the others: a supervisor clearing the run decides those
// from this list, however many pieces were damaged.
std::vector<PieceRecord> problem_pieces(Store& store, std::int64_t run, std::int64_t limit);
// The run's pieces to reprint: damaged, missing, or seen twice (and left
// so by the supervisor); a few of a run's many.
std::vector<PieceRecord> pieces_to_reprint(Store& store, std::int64_t run);

// Sets what became of pieces of `run`, as a results file or an operator
// says, one after another on one prepared statement, within the caller's
// transaction. A later status replaces an earlier one, except that a
// duplicate always stands (a piece seen twice stays a possible letter in a
// wrong envelope).
class InsertStatusUpdate {
 public:
  InsertStatusUpdate(Store& store, std::int64_t run);
  // False when `piece` is not one of the run's.
  bool set(const std::string& piece, InsertStatus status, const std::string& at, const std::string& station,
           const std::string& note);

 private:
  Store& store_;
  std::int64_t run_;
  Statement update_;
};
// The run's pieces counted by what became of them.
PieceTally tally_pieces(Store& store, std::int64_t run);
// The run's pieces counted by insert status ("not set" for none yet), in
// the order of the names.
std::map<std::string, std::int64_t> pieces_by_status(Store& store, std::int64_t run);

// The pieces posted (ok or hand-mailed) in runs marked posted on `date`
// (ISO), of `client` or of all clients (""), summed by client, product,
// weight class and destination, in that order.
std::vector<PostingLine> posting_lines(Store& store, const std::string& date, const std::string& client);

// Every piece of `run` without a status becomes `status`, with `note`;
// returns how many.
std::int64_t set_unset_pieces(Store& store, std::int64_t run, InsertStatus status, const std::string& at,
                              const std::string& note = {});

}  // namespace kuvert::store

#include "pipeline/plan/plan.hpp"

#include <utility>

#include "pipeline/model/error.hpp"

#include "pipeline/plan/consolidate.hpp"
#include "pipeline/plan/runs.hpp"
#include "pipeline/plan/sheets.hpp"
#include "pipeline/plan/weigh.hpp"

namespace kuvert {

std::vector<PrintRun> plan_runs(const Job& job, const ProfileCatalog& catalog, const PlanOptions& options) {
  std::vector<MailPiece> pieces = consolidate(job, catalog);
  for (auto& piece : pieces) {
    const Where where{job.name, job.documents.at(piece.documents.front()).id, "", "", ""};
    piece.sheets = lay_out_sheets(job, piece);
    // Validation guarantees every document pages; imposition relies on it.
    if (piece.sheets.empty()) throw Error(ErrorKind::internal, where, "a mail piece without pages");
    piece = weigh(std::move(piece), catalog, where);
  }
  return form_runs(std::move(pieces), options.max_sheets);
}

}  // namespace kuvert

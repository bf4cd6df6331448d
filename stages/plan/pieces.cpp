#include "stages/plan/pieces.hpp"

#include "pipeline/model/error.hpp"
#include "stages/plan/consolidate.hpp"
#include "stages/plan/profile_lookup.hpp"
#include "stages/plan/runs.hpp"
#include "stages/plan/sheets.hpp"
#include "stages/plan/weigh.hpp"

namespace kuvert {

MailPiece make_piece(const Job& job, std::span<const std::uint32_t> documents, const ProfileCatalog& catalog) {
  // Documents keep no ids (see Document); their place in the job names them.
  Where where{.job = job.name};
  where.document = '#';
  where.document += std::to_string(documents.front() + 1);
  MailPiece piece;
  piece.documents.assign(documents.begin(), documents.end());
  piece.lead = &job.documents.at(documents.front());
  piece.production = &job.settings_of(*piece.lead);
  std::vector<std::string> inserts;
  for (const auto index : documents) {
    const Document& document = job.documents.at(index);
    const auto& more = job.settings_of(document).inserts;
    inserts.insert(inserts.end(), more.begin(), more.end());
    piece.sheet_count += sheet_count(document, piece.settings().sides);
  }
  // Validation guarantees every document pages; imposition relies on it.
  if (piece.sheet_count == 0) throw Error(ErrorKind::internal, where, "a mail piece without pages");
  piece.inserts = order_inserts(inserts, find_inserter(catalog, piece.settings().inserter, where), where);
  return weigh(std::move(piece), catalog, where);
}

std::vector<MailPiece> run_pieces(const Job& job, const PrintRun& run, const ProfileCatalog& catalog) {
  std::vector<MailPiece> pieces;
  pieces.reserve(run.pieces.size());
  for (std::size_t i = 0; i < run.pieces.size(); ++i) {
    MailPiece& piece = pieces.emplace_back(make_piece(job, run.pieces[i], catalog));
    piece.sequence = static_cast<std::uint32_t>(i + 1);
    piece.id = piece_id(run.id, piece.sequence);
    if (run_settings(piece) != run.settings)
      throw Error(ErrorKind::internal, Where{.job = job.name, .document = piece.id},
                  "the piece no longer fits the settings of its run");
  }
  return pieces;
}

}  // namespace kuvert

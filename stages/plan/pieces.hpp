#pragma once
// Mail pieces in full: their inserts, sheets, weight, envelope and postage.
// Planning makes each piece once to group it into a run and again, for one
// run at a time, when the run is written; the two agree because both are
// the same pure function of the job.
#include <cstdint>
#include <span>
#include <vector>

#include "pipeline/model/job.hpp"
#include "pipeline/model/mail_piece.hpp"
#include "pipeline/model/print_run.hpp"
#include "pipeline/model/profile_catalog.hpp"

namespace kuvert {

// The piece of `documents` (indices into job.documents, the first one
// leading): inserts are the union of its documents' inserts in the
// inserter's feeder order, its sheets are counted (sheets.hpp), and it is
// weighed (weigh.hpp). Throws Error(ErrorKind::internal) when a profile it
// names is not in `catalog` (the job was validated against it).
MailPiece make_piece(const Job& job, std::span<const std::uint32_t> documents, const ProfileCatalog& catalog);

// The pieces of `run`, numbered 1, 2, ... with ids "R0001-000001", ...
std::vector<MailPiece> run_pieces(const Job& job, const PrintRun& run, const ProfileCatalog& catalog);

}  // namespace kuvert

#pragma once
// Runs: pieces grouped by production settings, presorted, split at a sheet
// limit and numbered.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "pipeline/model/job.hpp"
#include "pipeline/model/mail_piece.hpp"
#include "pipeline/model/print_run.hpp"
#include "pipeline/model/profile_catalog.hpp"
#include "stages/plan/plan.hpp"

namespace kuvert {

// What a piece needs from its run: paper, sides, the chosen envelope (never
// "auto"), inserter, inserts and whether it is hand-finished.
RunSettings run_settings(const MailPiece& piece);

// "R0001" for 1 (and letter R); at least four digits.
std::string run_id(std::size_t number, char letter = 'R');
// "R0001-000001" for run "R0001" and sequence 1; at least six digits.
std::string piece_id(const std::string& run, std::uint32_t sequence);

// Groups the job's pieces into runs by the run_settings() of each piece as
// make_piece() makes it. Runs come in the order their settings first
// appear, runs of manual pieces after all others. Each group is presorted
// (presort.hpp), then cut into runs of at most `max_sheets` sheets; a piece
// is never split, and a piece larger than `max_sheets` forms a run of its
// own. Runs are numbered "R0001", "R0002", ... in that order (as the
// options name them); runs cut from one group are its parts 1..n.
std::vector<PrintRun> form_runs(const Job& job, const PieceDocuments& pieces, const ProfileCatalog& catalog,
                                const PlanOptions& options);

}  // namespace kuvert

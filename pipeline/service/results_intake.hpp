#pragma once
// An inserter's results file applied to a run (README, "Results files"):
// the same for a file in a printer's results folder and for `kuvert runs
// results RUN FILE`.
#include <cstdint>
#include <filesystem>
#include <string>

#include "pipeline/store/job_records.hpp"

namespace kuvert::service {

// Reads `file` twice, as a stream: first every line is checked, against
// the store too (each piece one of `run`'s, a `run` column naming it); a
// file with any problem changes nothing and its problems are thrown
// (kuvert::Error, input). Then, in one transaction with its audit record,
// each event sets its piece's insert status, and a reprint list makes the
// run's pieces it does not name ok. Returns the events applied.
std::uint64_t apply_results_file(store::Store& store, const store::RunRecord& run, const std::filesystem::path& file,
                                 const std::string& user, std::int64_t now);

}  // namespace kuvert::service

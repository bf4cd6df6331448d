#pragma once
// Loads every profile a job may name from the layouts folder:
//
//   layouts/papers.toml          paper stocks, one table each
//   layouts/envelopes.toml       envelope stocks, one table each
//   layouts/inserters/NAME.toml  one folder-inserter profile per file
//   layouts/tariffs/*.toml       postage tariffs, each valid from a date
//
// The files themselves document their keys. Every file is read and checked
// completely (unknown keys, types, ranges, how values fit together, which
// envelopes an inserter names) before anything is thrown, so one run of
// kuvert shows every problem in the layouts at once.
#include <filesystem>
#include <string>

#include "pipeline/model/profile_catalog.hpp"

namespace kuvert {

// `production_date` (ISO "2026-01-15") picks the tariff: the one with the
// latest valid_from on or before it. Throws Error(ErrorKind::input) listing
// every problem, each with in_file(path relative to `layouts_dir`
// ("inserters/generic-omr.toml"), key path ("positions[3].function",
// array elements counted from 0)); a bad production date has .field
// "production_date" and no file. Reads files only; safe to call from
// several threads.
ProfileCatalog load_profiles(const std::filesystem::path& layouts_dir, const std::string& production_date);

}  // namespace kuvert

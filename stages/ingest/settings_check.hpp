#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/model/production.hpp"
#include "pipeline/model/profile_catalog.hpp"

namespace kuvert {

// What is wrong with production settings against the profiles, as (field,
// message) pairs: an unknown paper, envelope or inserter profile, an insert
// from a feeder station the inserter lacks, an inserter whose folder is not
// set for the letters' DIN 5008 form (when `form` is known: a print
// file's from job.json's "form", default B; a data job's layout says later).
std::vector<std::pair<std::string, std::string>> settings_problems(const ProductionSettings& settings,
                                                                   const ProfileCatalog& profiles,
                                                                   std::optional<LetterForm> form);

// The problem of letters of `form` on `inserter`, or "" when it folds them.
std::string form_problem(const InserterProfile& inserter, LetterForm form);

}  // namespace kuvert

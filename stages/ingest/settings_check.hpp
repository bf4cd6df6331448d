#pragma once
#include <string>
#include <utility>
#include <vector>

#include "pipeline/model/production.hpp"
#include "pipeline/model/profile_catalog.hpp"

namespace kuvert {

// What is wrong with production settings against the profiles, as (field,
// message) pairs: an unknown paper, envelope or inserter profile, an insert
// from a feeder station the inserter lacks.
std::vector<std::pair<std::string, std::string>> settings_problems(const ProductionSettings& settings,
                                                                   const ProfileCatalog& profiles);

}  // namespace kuvert

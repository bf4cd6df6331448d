#pragma once
// How the values of an inserter profile fit together: each position's
// function against the others and the feeders, the marks against the clear
// zone and the sheet, the capacity limits. Run on a completely read profile.
#include <vector>

#include "pipeline/model/error.hpp"
#include "pipeline/model/inserter_profile.hpp"

namespace kuvert {

// Records every inconsistency with `file` (its .file set) as the place.
void check_inserter(const InserterProfile& profile, const Where& file, std::vector<Diagnostic>& problems);

// The name a function has in a profile file ("start", "feeder", ...).
const char* function_name(MarkFunction function);

}  // namespace kuvert

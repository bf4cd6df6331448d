#pragma once
#include <string>
#include <vector>

#include "pipeline/model/error.hpp"

namespace kuvert {

// exceptions.csv: the records a data job left out ("on_bad_record": "skip"),
// one row per problem, so that the specialist application can correct and
// resend them: record (line or row), id, field, problem.
std::string rejected_records_csv(const std::vector<Diagnostic>& problems);

}  // namespace kuvert

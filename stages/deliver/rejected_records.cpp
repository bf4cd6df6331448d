#include "stages/deliver/rejected_records.hpp"

#include "stages/deliver/csv_text.hpp"

namespace kuvert {

std::string rejected_records_csv(const std::vector<Diagnostic>& problems) {
  std::string csv = csv_row({"record", "id", "field", "problem"});
  for (const auto& problem : problems)
    csv += csv_row({problem.where.record, problem.where.document, problem.where.field, problem.message});
  return csv;
}

}  // namespace kuvert

#include "stages/plan/plan.hpp"

#include "stages/plan/consolidate.hpp"
#include "stages/plan/runs.hpp"

namespace kuvert {

std::vector<PrintRun> plan_runs(const Job& job, const ProfileCatalog& catalog, const PlanOptions& options) {
  return form_runs(job, consolidate(job, catalog), catalog, options);
}

}  // namespace kuvert

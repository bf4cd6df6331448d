#pragma once
// Removing what the configured retention no longer keeps: taken inputs
// after `[retention] inputs_days` (once their job is done), and the output
// folders of print jobs whose runs are all closed or cancelled after
// `outputs_days`. The store's records and the audit trail stay; scan
// outputs are the archive and are never removed.
#include <cstdint>

#include "pipeline/config/service_config.hpp"
#include "pipeline/service/job_processing.hpp"
#include "pipeline/store/store.hpp"

namespace kuvert::service {

// Returns how many inputs and job outputs were removed.
int apply_retention(store::Store& store, const ServiceConfig& config, std::int64_t now, const ServiceLog& log);

}  // namespace kuvert::service

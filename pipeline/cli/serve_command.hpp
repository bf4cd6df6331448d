#pragma once
#include <filesystem>

#include "pipeline/service/service.hpp"

namespace kuvert {

// `kuvert serve` (inboxes, console and work) or `kuvert worker` (work
// only): runs until SIGTERM or SIGINT, logging to standard error. Throws
// kuvert::Error when it cannot start.
int serve(const std::filesystem::path& config_file, const std::filesystem::path& layouts,
          const std::filesystem::path& fonts, service::ServiceRole role);

}  // namespace kuvert

#pragma once
#include <filesystem>

namespace kuvert {

// `kuvert serve`: runs the service until SIGTERM or SIGINT, logging to
// standard error. Throws kuvert::Error when it cannot start.
int serve(const std::filesystem::path& config_file, const std::filesystem::path& layouts,
          const std::filesystem::path& fonts);

}  // namespace kuvert

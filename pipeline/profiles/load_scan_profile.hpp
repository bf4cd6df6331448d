#pragma once
#include <filesystem>
#include <string>

#include "pipeline/model/scan_profile.hpp"

namespace kuvert {

// Reads layouts/scan/NAME.toml (its keys are documented in the shipped
// ones). Throws Error(ErrorKind::input) listing every problem: unknown or
// mistyped keys, values out of range, a field pattern that is no regular
// expression.
ScanProfile load_scan_profile(const std::filesystem::path& layouts_dir, const std::string& name);

}  // namespace kuvert

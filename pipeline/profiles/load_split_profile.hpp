#pragma once
#include <filesystem>
#include <string>

#include "pipeline/model/split_profile.hpp"

namespace kuvert {

// Reads layouts/splits/NAME.toml (its keys are documented in the shipped
// ones). Throws Error(ErrorKind::input) listing every problem: unknown or
// mistyped keys, a region off the page, a pattern that is no regular
// expression (a page counter's needs two groups), a rule or the id naming
// a field the profile does not read, no rule at all.
SplitProfile load_split_profile(const std::filesystem::path& layouts_dir, const std::string& name);

}  // namespace kuvert

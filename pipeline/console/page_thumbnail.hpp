#pragma once
// Small pictures of a run's first pages for the console, rendered on the
// server with poppler so that the browser needs nothing but an <img>.
#include <filesystem>
#include <optional>
#include <string>

namespace kuvert::console {

// The PNG bytes of page `index` (from 0) of `pdf` at `dpi`; nothing when
// the file has no such page or cannot be read.
std::optional<std::string> page_thumbnail(const std::filesystem::path& pdf, int index, double dpi);

}  // namespace kuvert::console

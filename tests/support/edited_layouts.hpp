#pragma once
// A copy of the shipped layouts with one file edited, for tests of what a
// changed layout or profile does.
#include <filesystem>
#include <functional>
#include <string>

namespace kuvert::test {

// Copies the shipped layouts to FOLDER/layouts (once) and rewrites `file`
// there (relative to it) through `edit`; returns the copy's folder.
std::filesystem::path edited_layouts(const std::filesystem::path& folder, const std::string& file,
                                     const std::function<void(std::string&)>& edit);

}  // namespace kuvert::test

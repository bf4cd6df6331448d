#pragma once
#include <filesystem>
#include <string>

namespace kuvert::test {

// A file's bytes, or "" when it cannot be read.
std::string read_file(const std::filesystem::path& path);

}  // namespace kuvert::test

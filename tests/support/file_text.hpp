#pragma once
#include <filesystem>
#include <string>

namespace kuvert::test {

// A file's bytes, or "" when it cannot be read.
std::string read_file(const std::filesystem::path& path);
// Writes `bytes` as the whole file.
void write_file(const std::filesystem::path& path, const std::string& bytes);

}  // namespace kuvert::test

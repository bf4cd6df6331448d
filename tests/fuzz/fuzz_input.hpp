#pragma once
// What the fuzz targets share: the input as a file, since our readers read
// files (by name, so that they see a real path as in production).
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace kuvert::fuzz {

// A private temporary folder, made once per process.
inline const std::filesystem::path& fuzz_folder() {
  static const std::filesystem::path folder = [] {
    std::string pattern = (std::filesystem::temp_directory_path() / "kuvert-fuzz-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) std::abort();
    return std::filesystem::path(pattern);
  }();
  return folder;
}

// A file in fuzz_folder() holding the fuzzer's bytes, rewritten for each input.
inline std::filesystem::path input_file(const std::uint8_t* data, std::size_t size, const std::string& name) {
  const auto path = fuzz_folder() / name;
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data),
                                                               static_cast<std::streamsize>(size));
  return path;
}

}  // namespace kuvert::fuzz

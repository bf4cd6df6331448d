#include "tests/support/temp_folder.hpp"

#include <stdlib.h>

#include <fstream>
#include <stdexcept>
#include <string>

namespace kuvert::test {

TempFolder::TempFolder() {
  std::string pattern = (std::filesystem::temp_directory_path() / "kuvert-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temp folder");
  path_ = pattern;
}

std::filesystem::path TempFolder::write(const std::string& name, const std::string& bytes) const {
  std::ofstream(path_ / name, std::ios::binary) << bytes;
  return path_ / name;
}

TempFolder::~TempFolder() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace kuvert::test

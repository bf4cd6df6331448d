#include "pipeline/profiles/toml_files.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "pipeline/profiles/toml_fields.hpp"

namespace kuvert {

namespace fs = std::filesystem;

std::optional<toml::table> TomlFiles::parse(const std::string& relative) {
  std::ifstream in(root_ / relative, std::ios::binary);
  if (!in) {
    const bool missing = !fs::exists(root_ / relative);
    problems_.push_back(
        {in_file(relative), missing ? "is missing" : std::string("cannot be read: ") + std::strerror(errno)});
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  try {
    return toml::parse(text.str(), relative);
  } catch (const toml::parse_error& error) {
    const auto& begin = error.source().begin;
    problems_.push_back({in_file(relative), "is not valid TOML: " + std::string(error.description()) + " (line " +
                                                std::to_string(begin.line) + ", column " +
                                                std::to_string(begin.column) + ")"});
    return std::nullopt;
  }
}

std::vector<std::string> TomlFiles::list(const std::string& folder) {
  std::vector<std::string> files;
  std::error_code error;
  if (!fs::is_directory(root_ / folder, error)) {
    problems_.push_back({in_file(folder), "is missing (a folder of *.toml files)"});
    return files;
  }
  for (const auto& entry : fs::directory_iterator(root_ / folder, error))
    if (entry.path().extension() == ".toml") files.push_back(folder + "/" + entry.path().filename().string());
  if (error) problems_.push_back({in_file(folder), "cannot be read: " + error.message()});
  std::sort(files.begin(), files.end());
  if (files.empty() && !error) problems_.push_back({in_file(folder), "holds no *.toml files"});
  return files;
}

}  // namespace kuvert

#pragma once
// The TOML files of one folder (layouts/, fonts/), parsed with every problem
// recorded as a Diagnostic naming the file relative to the folder.
#include <toml++/toml.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/model/error.hpp"
#include "pipeline/profiles/toml_fields.hpp"

namespace kuvert {

class TomlFiles {
 public:
  TomlFiles(std::filesystem::path root, std::vector<Diagnostic>& problems)
      : root_(std::move(root)), problems_(problems) {}

  // The parsed file, or nothing (with a problem recorded) when it is
  // missing, unreadable or not TOML. `relative` uses '/' on every system.
  std::optional<toml::table> parse(const std::string& relative);

  // The *.toml files of a subfolder, sorted, as relative paths.
  std::vector<std::string> list(const std::string& folder);

 private:
  std::filesystem::path root_;
  std::vector<Diagnostic>& problems_;
};

// Reads one file of `root` into `result`: `read(top, result)` gets the
// file's top-level keys (with every key it does not ask for refused
// afterwards); every problem of the file is thrown at once, as
// Error(ErrorKind::input).
template <typename Result, typename Read>
Result read_toml_file(const std::filesystem::path& root, const std::string& relative, Result result, Read read) {
  std::vector<Diagnostic> problems;
  TomlFiles files(root, problems);
  if (const auto document = files.parse(relative)) {
    TomlFields top(*document, in_file(relative), problems);
    read(top, result);
    top.reject_unknown();
  }
  if (!problems.empty()) throw Error(ErrorKind::input, std::move(problems));
  return result;
}

}  // namespace kuvert

#pragma once
// The TOML files of one folder (layouts/, fonts/), parsed with every problem
// recorded as a Diagnostic naming the file relative to the folder.
#include <toml++/toml.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/model/error.hpp"

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

  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
  std::vector<Diagnostic>& problems_;
};

}  // namespace kuvert

#pragma once
// Test support, header only (compiled into the tests, not the library): a
// private copy of the shipped layouts/ folder that a test may break file by
// file, removed when it goes out of scope.
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "pipeline/model/error.hpp"
#include "pipeline/profiles/load_profiles.hpp"

#ifndef KUVERT_SOURCE_DIR
#error "KUVERT_SOURCE_DIR must name the source tree (CMake sets it for the tests)"
#endif

namespace kuvert::test {

class ScratchLayouts {
 public:
  ScratchLayouts() {
    std::random_device random;
    root_ = std::filesystem::temp_directory_path() /
            ("kuvert-layouts-" + std::to_string(random()) + "-" + std::to_string(random()));
    std::filesystem::copy(std::filesystem::path(KUVERT_SOURCE_DIR) / "layouts", root_,
                          std::filesystem::copy_options::recursive);
  }
  ~ScratchLayouts() {
    std::error_code ignored;
    std::filesystem::remove_all(root_, ignored);
  }
  ScratchLayouts(const ScratchLayouts&) = delete;
  ScratchLayouts& operator=(const ScratchLayouts&) = delete;

  const std::filesystem::path& root() const { return root_; }

  void write(const std::string& relative, const std::string& text) const {
    std::ofstream out(root_ / relative, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + (root_ / relative).string());
  }

  std::string read(const std::string& relative) const {
    std::ifstream in(root_ / relative, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
  }

  // Replaces the one occurrence of `from` in a file; throws when `from`
  // occurs not exactly once, so a test cannot silently edit nothing.
  void replace(const std::string& relative, const std::string& from, const std::string& to) const {
    std::string text = read(relative);
    const auto at = text.find(from);
    if (at == std::string::npos || text.find(from, at + 1) != std::string::npos)
      throw std::runtime_error("\"" + from + "\" is not in " + relative + " exactly once");
    text.replace(at, from.size(), to);
    write(relative, text);
  }

  void remove(const std::string& relative) const { std::filesystem::remove(root_ / relative); }

 private:
  std::filesystem::path root_;
};

// What load_profiles reports, one describe()d line per problem; empty when
// the layouts load.
inline std::vector<std::string> load_problems(const std::filesystem::path& root,
                                              const std::string& date = "2026-01-15") {
  std::vector<std::string> lines;
  try {
    load_profiles(root, date);
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::input) throw;
    for (const auto& problem : error.problems()) lines.push_back(describe(problem.where, problem.message));
  }
  return lines;
}

}  // namespace kuvert::test

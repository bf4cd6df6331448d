#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace kuvert {

// A font layouts may name: its file and the fonts tried, in order, for a
// character it lacks.
struct FontSpec {
  std::string name;
  std::filesystem::path file;  // absolute
  std::vector<std::string> fallback;
};

// fonts/fonts.toml, checked: every file exists and every fallback names a
// font of the catalogue.
struct FontCatalog {
  std::map<std::string, FontSpec> fonts;

  // `name` and then its fallbacks, transitively, each once, in the order
  // they are tried.
  std::vector<std::string> chain(const std::string& name) const;
};

}  // namespace kuvert

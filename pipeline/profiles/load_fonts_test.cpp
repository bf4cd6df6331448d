#include "pipeline/profiles/load_fonts.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <random>

#include "pipeline/model/error.hpp"

namespace kuvert {
namespace {

// A fonts folder holding `toml` as fonts.toml, removed afterwards.
class ScratchFonts {
 public:
  explicit ScratchFonts(const std::string& toml) {
    std::random_device random;
    root_ = std::filesystem::temp_directory_path() / ("kuvert-fonts-" + std::to_string(random()));
    std::filesystem::create_directories(root_);
    std::ofstream(root_ / "fonts.toml") << toml;
  }
  ~ScratchFonts() { std::filesystem::remove_all(root_); }
  const std::filesystem::path& path() const { return root_; }

 private:
  std::filesystem::path root_;
};

std::vector<std::string> problems_of(const std::filesystem::path& folder) {
  try {
    load_fonts(folder);
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::input);
    std::vector<std::string> messages;
    for (const auto& problem : error.problems()) messages.push_back(problem.where.field + ": " + problem.message);
    return messages;
  }
  return {};
}

TEST_CASE("the shipped fonts file names installed fonts with their fallbacks", "[profiles][fonts]") {
  const FontCatalog catalog = load_fonts(std::filesystem::path(KUVERT_SOURCE_DIR) / "fonts");
  REQUIRE(catalog.fonts.count("sans"));
  CHECK(catalog.fonts.at("sans").file.is_absolute());
  CHECK(catalog.chain("sans") == std::vector<std::string>{"sans", "dejavu-sans"});
  CHECK(catalog.chain("sans-bold") == std::vector<std::string>{"sans-bold", "dejavu-sans-bold"});
  CHECK(catalog.chain("dejavu-sans") == std::vector<std::string>{"dejavu-sans"});
}

TEST_CASE("a fonts file with a missing font file or an unknown fallback is refused", "[profiles][fonts]") {
  const ScratchFonts fonts(
      "fallback = [\"nope\"]\n"
      "[sans]\nfile = \"missing.ttf\"\n"
      "[mono]\nfile = \"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf\"\nfallback = []\nsize = 3\n");
  const auto problems = problems_of(fonts.path());
  REQUIRE(problems.size() == 3);  // fonts in key order, then the fallbacks
  CHECK(problems[0] == "mono.size: is not a known field");
  CHECK(problems[1] ==
        "sans.file: \"" + (fonts.path() / "missing.ttf").string() + "\" is not there (is its font package installed?)");
  CHECK(problems[2] == "sans.fallback: names \"nope\", which is no font of the file");
}

TEST_CASE("a fonts file that is not TOML or defines no fonts is refused", "[profiles][fonts]") {
  CHECK(problems_of(ScratchFonts("[sans\n").path()).at(0).find("is not valid TOML") != std::string::npos);
  CHECK(problems_of(ScratchFonts("fallback = []\n").path()) == std::vector<std::string>{": defines no fonts"});
}

}  // namespace
}  // namespace kuvert

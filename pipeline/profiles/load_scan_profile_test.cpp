#include "pipeline/profiles/load_scan_profile.hpp"

#include <catch2/catch.hpp>

#include "tests/support/scratch_layouts.hpp"

namespace kuvert {
namespace {

TEST_CASE("the shipped scan profile loads", "[profiles][scan]") {
  const ScanProfile profile = load_scan_profile(std::filesystem::path(KUVERT_SOURCE_DIR) / "layouts", "posteingang");
  CHECK(profile.languages == "deu+eng");
  CHECK(profile.separation == ScanSeparation::separator_sheet);
  CHECK(profile.separator_prefix == "TRENN");
  REQUIRE(profile.fields.size() == 5);
  CHECK(profile.fields[4].iban);
}

TEST_CASE("a scan profile's problems are reported at once", "[profiles][scan]") {
  const test::ScratchLayouts layouts;
  layouts.write("scan/kaputt.toml",
                "separation = \"barcode\"\njpeg_quality = 5\nfarbe = true\n"
                "[[fields]]\nname = \"datum\"\npattern = '(\\d{2'\n");
  std::vector<std::string> lines;
  try {
    load_scan_profile(layouts.root(), "kaputt");
  } catch (const Error& error) {
    for (const auto& problem : error.problems()) lines.push_back(describe(problem.where, problem.message));
  }
  REQUIRE(lines.size() == 4);
  const std::string at = "file \"scan/kaputt.toml\": field ";
  CHECK(lines[0] ==
        at + "\"separation\": \"barcode\" is not one of \"separator_sheet\", \"blank_page\", \"page_count\"");
  CHECK(lines[1] == at + "\"jpeg_quality\": must be between 10 and 100, got 5");
  CHECK(lines[2].find(at + "\"fields[0].pattern\": is no regular expression") == 0);
  CHECK(lines[3] == at + "\"farbe\": is not a known field");
}

}  // namespace
}  // namespace kuvert

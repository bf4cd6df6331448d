// `kuvert proof`: the first records of a job imposed as `kuvert run` makes
// them, under zones on an optional-content layer, read back with poppler.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/support/file_text.hpp"
#include "tests/support/kuvert_job.hpp"
#include "tests/support/page_image.hpp"
#include "tests/support/temp_folder.hpp"

namespace kuvert {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using test::KuvertJob;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

KuvertJob data_job(std::size_t records) {
  SampleRecordsOptions options;
  options.records = records;
  options.long_address_share = 0;
  return KuvertJob(options);
}

// The proof as a printer or a viewer with the layer switched off sees it:
// the layer's default state turned from on to off ("/ON [" and "/OFF["
// have the same length, so every offset stays right).
fs::path without_layer(const fs::path& proof) {
  std::string bytes = test::read_file(proof);
  const auto at = bytes.find("/ON [");
  REQUIRE(at != std::string::npos);
  bytes.replace(at, 5, "/OFF[");
  const fs::path copy = proof.parent_path() / "proof-layer-off.pdf";
  std::ofstream(copy, std::ios::binary) << bytes;
  return copy;
}

std::vector<std::uint8_t> pixels(const test::PageImage& page) {
  int width = 0, height = 0;
  return page.crop_mm(0, 0, 210, 297, width, height);
}

// The darkest grey within a millimetre of (x, y): a thin line drawn there
// is dark enough at any resolution.
int darkest_near(const test::PageImage& page, double x_mm, double y_mm) {
  int width = 0, height = 0;
  const auto around = page.crop_mm(x_mm - 1, y_mm - 1, 2, 2, width, height);
  return *std::min_element(around.begin(), around.end());
}

// pdftotext breaks long lines: the text with every line break a space.
std::string flowing(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

}  // namespace

TEST_CASE("a proof is the run's pages under the zones, which lie on a layer of their own", "[proof]") {
  KuvertJob job = data_job(3);
  const auto run = job.run();
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const fs::path proof = job.output().parent_path() / "proof.pdf";
  const auto made = job.proof(proof, {"--records", "3"});
  INFO(made.err);
  REQUIRE(made.exit_code == 0);
  CHECK(contains(made.out, "3 letters, 0 records refused"));

  // The layer: listed, on for viewing, off for printing.
  const std::string bytes = test::read_file(proof);
  CHECK(contains(bytes, "/OCProperties << /OCGs ["));
  CHECK(contains(bytes, "/Type /OCG"));
  CHECK(contains(bytes, "/Print << /PrintState /OFF >>"));

  const auto run_pages = test::render_pages(job.output() / "R0001.pdf", 50);
  const auto proof_pages = test::render_pages(proof, 50);
  const auto hidden_pages = test::render_pages(without_layer(proof), 50);
  REQUIRE(proof_pages.size() == run_pages.size());
  REQUIRE(hidden_pages.size() == run_pages.size());
  for (std::size_t p = 0; p < run_pages.size(); ++p) {
    INFO("page " << p + 1);
    // Without its layer the proof is the run, pixel for pixel.
    CHECK(pixels(hidden_pages[p]) == pixels(run_pages[p]));
    // With it, the zones: the printable area's border on every page ...
    CHECK(darkest_near(run_pages[p], 100, 5) > 240);
    CHECK(darkest_near(proof_pages[p], 100, 5) < 200);
  }
  // ... and on a letter's first page the address field's right edge (105
  // mm) and the window's left edge (20 mm), where the letter is white.
  CHECK(darkest_near(run_pages[0], 105, 80) > 240);
  CHECK(darkest_near(proof_pages[0], 105, 80) < 200);
  CHECK(darkest_near(run_pages[0], 20, 80) > 240);
  CHECK(darkest_near(proof_pages[0], 20, 80) < 200);
  CHECK(contains(test::page_texts(proof)[0], "window of C6/5 wherever the sheet lies"));

  // Nothing but the proof was written beside it.
  std::vector<std::string> beside;
  for (const auto& entry : fs::directory_iterator(proof.parent_path())) beside.push_back(entry.path().filename());
  std::sort(beside.begin(), beside.end());
  CHECK(beside == std::vector<std::string>{"job", "out", "proof-layer-off.pdf", "proof.pdf"});
}

TEST_CASE("a proof shows why each record the run would refuse is refused, on a page of its own", "[proof]") {
  KuvertJob job = data_job(4);
  job.edit_records([](std::vector<std::string>& lines) {
    auto record = json::parse(lines[1]);
    record["items"][0]["amount"] = "98,78";
    lines[1] = record.dump();
    lines[2] = "{\"id\": ";
  });
  const fs::path proof = job.output().parent_path() / "proof.pdf";
  const auto made = job.proof(proof);
  INFO(made.err);
  REQUIRE(made.exit_code == 0);
  CHECK(contains(made.out, "2 letters, 2 records refused"));
  std::vector<std::string> pages;
  for (const auto& page : test::page_texts(proof)) pages.push_back(flowing(page));
  REQUIRE(pages.size() >= 4);
  CHECK(contains(pages[0], "This record would be refused: line 2 (GS-2026-000002)"));
  CHECK(contains(pages[0], "field \"items[0].amount\": expected a money amount"));
  CHECK(contains(pages[1], "This record would be refused: line 3"));
  CHECK(contains(pages[1], "is not valid JSON"));
  CHECK(contains(pages[2], "GS-2026-00000"));  // the letters follow

  // With every record refused the proof is all reasons.
  job.edit_records([](std::vector<std::string>& lines) { lines = {"[]", "{\"id\": 5}"}; });
  fs::remove(proof);
  const auto refused = job.proof(proof);
  INFO(refused.err);
  REQUIRE(refused.exit_code == 0);
  CHECK(contains(refused.out, "0 letters, 2 records refused"));
  CHECK(test::page_texts(proof).size() == 2);
}

TEST_CASE("a proof of a print-file job takes its first documents", "[proof]") {
  KuvertJob job(test::plain_job(5, 1));
  const fs::path proof = job.output().parent_path() / "proof.pdf";
  const auto made = job.proof(proof, {"--records", "2"});
  INFO(made.err);
  REQUIRE(made.exit_code == 0);
  CHECK(contains(made.out, "2 letters, 0 records refused"));
  std::string text;
  for (const auto& page : test::page_texts(proof)) text += page;
  CHECK(contains(text, job.documents()[0].id));
  CHECK(contains(text, job.documents()[1].id));
  CHECK_FALSE(contains(text, job.documents()[2].id));
}

TEST_CASE("a proof never replaces a file, and a layout that does not load leaves nothing", "[proof][input]") {
  KuvertJob job = data_job(2);
  const fs::path proof = job.output().parent_path() / "proof.pdf";
  std::ofstream(proof) << "an operator's file";
  const auto existing = job.proof(proof);
  CHECK(existing.exit_code == 1);
  CHECK(contains(existing.err, "proof.pdf\": exists already; kuvert never overwrites output"));
  CHECK(test::read_file(proof) == "an operator's file");

  fs::remove(proof);
  job.edit_manifest([](json& manifest) { manifest["layout"] = "mahnung"; });
  const auto broken = job.proof(proof);
  CHECK(broken.exit_code == 1);
  CHECK(contains(broken.err, "file \"letters/mahnung.toml\": is missing"));
  std::vector<std::string> beside;
  for (const auto& entry : fs::directory_iterator(proof.parent_path())) beside.push_back(entry.path().filename());
  CHECK(beside == std::vector<std::string>{"job"});
}

}  // namespace kuvert

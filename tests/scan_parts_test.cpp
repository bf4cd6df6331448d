// `kuvert scan-parts`: a scan batch planned, read part by part and
// assembled, against the same batch read in one go by `kuvert scan`; and
// the plan and part files refused when they do not read.
#include "pipeline/driver/scan_parts.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "pipeline/model/error.hpp"
#include "pipeline/pdf/sha256.hpp"
#include "stages/scan/scan_part_file.hpp"
#include "tests/support/file_text.hpp"
#include "tests/support/generated_page.hpp"
#include "tests/support/kuvert_job.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_folder.hpp"
#include "tools/sample_scan/sample_batch.hpp"

namespace kuvert {
namespace {

namespace fs = std::filesystem;
using scan::PixPtr;

constexpr const char* kCreated = "2026-12-04T10:00:00Z";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

test::ProcessResult kuvert(std::vector<std::string> arguments) {
  arguments.insert(arguments.begin(), KUVERT_BINARY);
  return test::run_process(arguments);
}

// An entry as a worker writes it: a page with its text and image bytes.
ScanPartEntry page_entry(std::uint32_t file, std::uint32_t page, const std::string& source) {
  ProcessedPage processed;
  processed.record.source = source;
  processed.record.tone = "grey";
  processed.record.text = "Grundsteuerbescheid 2027\nMüller";
  processed.record.words = 3;
  processed.record.mean_confidence = 91.5;
  processed.archive = scan::ArchivePage{std::string("q\0\xff image", 10), "BT /F1 12 Tf ET", 595.0, 842.0};
  return {file, page, processed, ""};
}

std::string entries(const std::vector<ScanPartEntry>& list) {
  std::ostringstream out;
  for (const auto& entry : list) write_scan_part_entry(out, entry);
  return out.str();
}

std::string reading_problem(const std::string& bytes) {
  std::istringstream in(bytes);
  ScanPartReader reader(in, "part-0002/pages.cbor");
  try {
    while (reader.next()) {
    }
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::input);
    return describe(error.problems().front().where, error.problems().front().message);
  }
  return "";
}

TEST_CASE("A scan batch read in parts is archived byte for byte as read in one go with its refusals",
          "[scan][e2e][slow]") {
  test::TempFolder folder;
  const fs::path input = folder.path() / "eingang";
  fs::create_directories(input);
  // 1: the sample batch (separator sheets, skewed pages, blank backs).
  sample::write_sample_batch(input / "1-stapel.pdf", {2, 2, test::source_dir() / "fonts"});
  // 2: a TIFF whose third page is scanned at 40 dpi: its first two pages
  // stay, the rest is refused.
  const fs::path tiff = input / "2-fax.tif";
  PixPtr good(pixConvertTo1(test::text_page().get(), 128));
  PixPtr coarse(pixConvertTo1(test::text_page(40).get(), 128));
  REQUIRE(pixWriteTiff(tiff.c_str(), good.get(), IFF_TIFF_G4, "w") == 0);
  REQUIRE(pixWriteTiff(tiff.c_str(), good.get(), IFF_TIFF_G4, "a") == 0);
  REQUIRE(pixWriteTiff(tiff.c_str(), coarse.get(), IFF_TIFF_G4, "a") == 0);
  REQUIRE(pixWriteTiff(tiff.c_str(), good.get(), IFF_TIFF_G4, "a") == 0);
  // 3: refused when it is opened; 4: a page after it.
  std::ofstream(input / "3-leer.tif");
  test::write_text_page(input / "4-brief.png");

  const fs::path alone = folder.path() / "alone";
  const auto whole = kuvert({"scan", input.string(), "-o", alone.string(), "--name", "post-7", "--created", kCreated});
  INFO(whole.out + whole.err);
  REQUIRE(whole.exit_code == 1);  // files were refused

  const fs::path parts = folder.path() / "parts";
  const auto planned = kuvert(
      {"scan-parts", "plan", input.string(), "--pages", "3", "--name", "post-7", "-o", (parts / "plan").string()});
  INFO(planned.out + planned.err);
  REQUIRE(planned.exit_code == 0);
  const ScanPlan plan = read_scan_plan(parts / "plan");
  REQUIRE(plan.parts.size() >= 4);
  CHECK(plan.files[2].refused == "is empty (0 bytes)");
  std::vector<std::string> assemble{"scan-parts", "assemble", (parts / "plan").string()};
  // Read in reverse, as workers may finish them.
  for (std::size_t part = plan.parts.size(); part >= 1; --part) {
    const fs::path out = parts / ("part-" + std::to_string(part));
    const auto read = kuvert({"scan-parts", "part", (parts / "plan").string(), "--part", std::to_string(part), "-o",
                              out.string(), "--threads", "1"});
    INFO(read.out + read.err);
    REQUIRE(read.exit_code == 0);
    assemble.insert(assemble.begin() + 3, out.string());
  }
  const fs::path split = folder.path() / "split";
  assemble.insert(assemble.end(), {"-o", split.string(), "--created", kCreated});
  const auto assembled = kuvert(assemble);
  INFO(assembled.out + assembled.err);
  CHECK(assembled.exit_code == 1);
  CHECK(assembled.err == whole.err);  // the same refusals, said alike

  const std::string summary_text = test::read_file(split / "summary.json");
  CHECK(summary_text == test::read_file(alone / "summary.json"));
  const auto summary = nlohmann::json::parse(summary_text);
  CHECK(summary["rejected"].size() == 2);
  CHECK(contains(summary_text, "(its first 2 pages were processed)"));
  // The sample's two letters; the second goes on with the TIFF's and the PNG's pages.
  REQUIRE(summary["documents"].size() == 2);
  CHECK(summary["documents"][1]["pages"] == 5);
  for (const auto& document : summary["documents"]) {
    const std::string index = document["index"], pdf = document["file"];
    INFO(index);
    CHECK(test::read_file(split / index) == test::read_file(alone / index));
    CHECK(test::read_file(split / pdf) == test::read_file(alone / pdf));
  }
}

// The shipped scan profile's checksum, as a plan records it.
std::string shipped_profile_sha256() {
  Sha256 hash;
  hash.update(test::read_file(test::source_dir() / "layouts" / "scan" / "posteingang.toml"));
  return hash.hex();
}

// `plan` as plan.cbor in `folder`, as kuvert scan-parts plan writes it.
void write_plan(const fs::path& folder, const nlohmann::json& plan) {
  const auto bytes = nlohmann::json::to_cbor(plan);
  test::write_file(folder / kScanPlanFile, std::string(bytes.begin(), bytes.end()));
}

// A blank page dropped, as a worker leaves it: no image.
ScanPartEntry blank_entry(std::uint32_t file, std::uint32_t page, const std::string& source) {
  ProcessedPage processed;
  processed.record.source = source;
  processed.record.tone = "grey";
  processed.dropped = true;
  return {file, page, processed, ""};
}

TEST_CASE("The assembly refuses a file from the page where a part found it failing, in later parts too",
          "[scan][e2e]") {
  test::TempFolder folder;
  const fs::path plan = folder.path() / "plan";
  fs::create_directories(plan);
  ScanPlan planned{
      "post-9",
      "posteingang",
      shipped_profile_sha256(),
      {{"/s/a.tif", "a.tif", 4, ""}, {"/s/b.tif", "b.tif", 0, "is empty (0 bytes)"}, {"/s/c.png", "c.png", 1, ""}},
      {{0, 2}, {2, 2}, {4, 1}}};
  write_plan(plan, planned);
  const auto part = [&](const std::string& name, const std::vector<ScanPartEntry>& list) {
    fs::create_directories(folder.path() / name);
    test::write_file(folder.path() / name / kScanPartFile, entries(list));
    return folder.path() / name;
  };
  // a.tif fails at its second page in part 1; part 2, which did not know,
  // read its third and fourth.
  const auto first = part("p1", {blank_entry(0, 0, "a.tif"), {0, 1, std::nullopt, "page 2 is scanned at 40 dpi"}});
  const auto second = part("p2", {blank_entry(0, 2, "a.tif"), blank_entry(0, 3, "a.tif")});
  const auto third = part("p3", {blank_entry(2, 0, "c.png")});
  ScanRequest request;
  request.layouts = test::source_dir() / "layouts";
  request.output = folder.path() / "out";
  request.created = kCreated;
  const ScanSummary summary = assemble_scan_parts(plan, {first, second, third}, request);
  CHECK(summary.pages == 2);
  CHECK(summary.blank_pages_dropped == 2);
  REQUIRE(summary.files.size() == 2);
  CHECK(summary.files[0].file == "a.tif");
  CHECK(summary.files[0].pages == 1);
  CHECK(summary.files[1].file == "c.png");
  REQUIRE(summary.rejected.size() == 2);
  CHECK(summary.rejected[0].file == "a.tif");
  CHECK(summary.rejected[0].reason == "page 2 is scanned at 40 dpi (its first page was processed)");
  CHECK(summary.rejected[1].file == "b.tif");
  CHECK(summary.documents.empty());
  CHECK(fs::exists(folder.path() / "out" / "summary.json"));

  // A part that leaves out a page of its own is refused, and nothing is written.
  const auto short_part = part("p2-short", {blank_entry(0, 2, "a.tif")});
  request.output = folder.path() / "out-2";
  try {
    assemble_scan_parts(plan, {first, short_part, third}, request);
    FAIL("a part without its last page was assembled");
  } catch (const Error& error) {
    CHECK(error.kind() == ErrorKind::input);
    CHECK(contains(error.what(), "p2-short/pages.cbor\": ends before the part's page 4 of the batch"));
  }
  CHECK_FALSE(fs::exists(folder.path() / "out-2"));

  // A host whose scan profile is not the planning host's reads no part of it.
  planned.profile_sha256 = std::string(64, '0');
  write_plan(plan, planned);
  try {
    assemble_scan_parts(plan, {first, second, third}, request);
    FAIL("a batch was assembled with another scan profile than it was planned with");
  } catch (const Error& error) {
    CHECK(contains(error.what(), "scan/posteingang.toml\": is not the scan profile the batch was planned with"));
  }
  CHECK_FALSE(fs::exists(folder.path() / "out-2"));
}

TEST_CASE("A scan part's entries come back as written, one at a time", "[scan]") {
  // A file name from a Windows share (Latin-1), and image bytes with NUL.
  const std::string latin1 = "/srv/eingang/M\xfcller.tif";
  ScanPartEntry failure{1, 4, std::nullopt, "page 5 is scanned at 40 dpi"};
  std::istringstream in(entries({page_entry(0, 0, latin1), failure}));
  ScanPartReader reader(in, "pages.cbor");
  const auto first = reader.next();
  REQUIRE(first);
  REQUIRE(first->processed);
  CHECK(first->processed->record.source == latin1);
  CHECK(first->processed->record.page == 1);
  CHECK(first->processed->record.text == "Grundsteuerbescheid 2027\nMüller");
  CHECK(first->processed->archive->image == std::string("q\0\xff image", 10));
  CHECK(first->processed->archive->height == 842.0);
  const auto second = reader.next();
  REQUIRE(second);
  CHECK_FALSE(second->processed);
  CHECK(second->file == 1);
  CHECK(second->page == 4);
  CHECK(second->failure == "page 5 is scanned at 40 dpi");
  CHECK_FALSE(reader.next());
}

TEST_CASE("A scan part's file cut short or too large or not CBOR is refused naming the entry", "[scan]") {
  const std::string two = entries({page_entry(0, 0, "a.tif"), page_entry(0, 1, "a.tif")});
  CHECK(reading_problem(two).empty());
  CHECK(contains(reading_problem(two.substr(0, two.size() - 5)), "entry 2"));
  CHECK(contains(reading_problem(two.substr(0, two.size() - 5)), "is cut short"));
  CHECK(contains(reading_problem(two + "\x01\x02"), "entry 3\": is cut short in its length"));
  CHECK(contains(reading_problem(std::string("\x7f\xff\xff\xff", 4)), "claims 2147483647 bytes"));
  CHECK(contains(reading_problem(std::string("\0\0\0\x03"
                                             "abc",
                                             7)),
                 "entry 1\": does not read"));
  // Nested arrays deep enough to run a recursive parser out of stack.
  const std::string deep(200000, '\x81');
  CHECK(contains(reading_problem(std::string{'\0', '\x03', '\x0d', '\x40'} + deep), "nests deeper than 4"));
  // A page that claims to be kept but has no image.
  auto imageless = page_entry(0, 0, "a.tif");
  imageless.processed->archive.reset();
  CHECK(contains(reading_problem(entries({imageless})), "separator, dropped and archive do not agree"));
  // CBOR, but not an entry: a page without its text.
  const auto cbor = nlohmann::json::to_cbor(nlohmann::json{{"file", 0}, {"page", 0}, {"source", "a.tif"}});
  std::string bytes{'\0', '\0', '\0', static_cast<char>(cbor.size())};
  bytes.append(cbor.begin(), cbor.end());
  CHECK(contains(reading_problem(bytes), "part-0002/pages.cbor"));
  CHECK(contains(reading_problem(bytes), "does not read"));
}

TEST_CASE("kuvert scan-parts refuses a plan that does not read or add up, and parts not of the plan", "[scan][e2e]") {
  test::TempFolder folder;
  const fs::path plan = folder.path() / "plan";
  fs::create_directories(plan);
  const auto problem = [&] {
    try {
      read_scan_plan(plan);
    } catch (const Error& error) {
      CHECK(error.kind() == ErrorKind::input);
      return describe(error.problems().front().where, error.problems().front().message);
    }
    return std::string();
  };
  const nlohmann::json good =
      ScanPlan{"post-7", "posteingang", shipped_profile_sha256(), {{"/s/a.tif", "a.tif", 5, ""}}, {{0, 3}, {3, 2}}};
  // The problem of the good plan with one value changed.
  const auto problem_with = [&](const std::string& pointer, const nlohmann::json& value) {
    auto changed = good;
    changed[nlohmann::json::json_pointer(pointer)] = value;
    write_plan(plan, changed);
    return problem();
  };
  write_plan(plan, good);
  CHECK(problem().empty());
  test::write_file(plan / kScanPlanFile, "{\"batch\": \"post-7\"}");  // JSON, not CBOR
  CHECK(contains(problem(), "plan.cbor\": has a string longer than the bytes left"));
  write_plan(plan, {{"batch", "post-7"}});
  CHECK(contains(problem(), "plan.cbor\": does not read"));
  CHECK(contains(problem_with("/files/0/pages", 2.5), "field \"pages\": must be a whole number"));
  CHECK(contains(problem_with("/parts/1/first", 4), "field \"parts\""));
  CHECK(contains(problem_with("/files/0/pages", 9), "cover 5 pages of 9"));
  CHECK(contains(problem_with("/batch", "../../etc/x"), "field \"batch\""));

  write_plan(plan, good);
  const auto outside = kuvert({"scan-parts", "part", plan.string(), "--part", "3", "-o", (folder.path() / "p").string(),
                               "--layouts", (test::source_dir() / "layouts").string()});
  CHECK(outside.exit_code == 2);
  CHECK(contains(outside.err, "--part"));
  CHECK(contains(outside.err, "between 1 and 2"));
  const auto too_few = kuvert({"scan-parts", "assemble", plan.string(), (folder.path() / "p1").string(), "-o",
                               (folder.path() / "out").string()});
  CHECK(too_few.exit_code == 2);
  CHECK(contains(too_few.err, "1 part folders given; the plan has 2 parts"));
  CHECK_FALSE(fs::exists(folder.path() / "out"));
  // A part's folder whose pages are of another part.
  fs::create_directories(folder.path() / "p1");
  fs::create_directories(folder.path() / "p2");
  test::write_file(folder.path() / "p1" / kScanPartFile, entries({page_entry(0, 3, "a.tif")}));
  const auto wrong = kuvert({"scan-parts", "assemble", plan.string(), (folder.path() / "p1").string(),
                             (folder.path() / "p2").string(), "-o", (folder.path() / "out").string()});
  CHECK(wrong.exit_code == 1);
  CHECK(contains(wrong.err, "entry 1\": is page 4 of file 1, not the part's next page"));
  CHECK_FALSE(fs::exists(folder.path() / "out"));
}

}  // namespace
}  // namespace kuvert

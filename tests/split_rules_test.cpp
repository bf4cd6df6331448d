// The split on print files written as an application without an index
// writes them (tests/support/text_pdf.hpp): each start rule alone, "every
// N" beside another rule, and the problems only real pages bring, each
// found with its page.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "pipeline/driver/split_job.hpp"
#include "pipeline/model/error.hpp"
#include "stages/scan/archive_file.hpp"
#include "stages/scan/archive_pdf.hpp"
#include "tests/support/csv.hpp"
#include "tests/support/file_text.hpp"
#include "tests/support/kuvert_job.hpp"
#include "tests/support/process.hpp"
#include "tests/support/scratch_layouts.hpp"
#include "tests/support/temp_folder.hpp"
#include "tests/support/text_pdf.hpp"

using namespace kuvert;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// A notice's page: the address in form B's recipient zone, a title on its
// first page, the Aktenzeichen in the information block and a page counter
// at the foot of every page.
// `leading`: mm from line to line in the address.
test::TextPage notice_page(const std::string& title, const std::string& file_number, int page, int pages,
                           const std::vector<std::string>& address, double leading = 4.5) {
  test::TextPage lines;
  if (page == 1)
    for (std::size_t i = 0; i < address.size(); ++i)
      lines.push_back({25, 64 + leading * static_cast<double>(i), address[i]});
  if (!title.empty()) lines.push_back({25, 100, title});
  lines.push_back({125, 50, "Aktenzeichen " + file_number});
  lines.push_back({150, 283, "Seite " + std::to_string(page) + " von " + std::to_string(pages)});
  return lines;
}

std::vector<std::string> address(int n) {
  return {"Frau", "Erika Muster " + std::to_string(n), "Lindenweg " + std::to_string(n), "06108 Halle (Saale)"};
}

// Notices of the given lengths, each titled on its first page only.
std::vector<test::TextPage> notices(const std::vector<int>& lengths) {
  std::vector<test::TextPage> pages;
  for (std::size_t d = 0; d < lengths.size(); ++d)
    for (int p = 1; p <= lengths[d]; ++p)
      pages.push_back(notice_page(p == 1 ? "Bescheid über Grundsteuer" : "Anlage", "A-" + std::to_string(100 + d), p,
                                  lengths[d], address(static_cast<int>(d))));
  return pages;
}

// A split profile for those pages with the given start rules; the
// Aktenzeichen read on every page is the id.
std::string profile_with(const std::string& starts) {
  return R"toml(id = "az"
)toml" + starts +
         R"toml(
[recipient]
form = "B"

[[field]]
name = "az"
pattern = "Aktenzeichen (\\S+)"
region = { x = 120, y = 45, width = 85, height = 15 }
every_page = true
required = true

[job]
client = "musterstadt"
standard_fonts = "allow"
)toml";
}

constexpr const char* kCounter = R"toml(
[page_counter]
pattern = "Seite\\s*(\\d+)\\s*von\\s*(\\d+)"  # OCR may read "von2"
region = { x = 20, y = 278, width = 180, height = 12 }
)toml";

struct Split {
  test::TempFolder temp;
  test::ScratchLayouts layouts;
  unsigned threads = 0;  // reading pages; 1: four pages a batch
  fs::path job() const { return temp.path() / "job"; }

  SplitSummary operator()(const std::vector<test::TextPage>& pages, const std::string& profile) const {
    write_text_pdf(temp.path() / "druck.pdf", pages);
    layouts.write("splits/probe.toml", profile);
    fs::remove_all(job());
    SplitRequest request{temp.path() / "druck.pdf", "probe", job(), layouts.root()};
    request.threads = threads;
    return split_print_file(request);
  }

  std::vector<std::string> pages() const {
    std::vector<std::string> ranges;
    const auto written = json::parse(std::ifstream(job() / "job.json"));
    for (const auto& document : written["documents"]) ranges.push_back(document["pages"]);
    return ranges;
  }
};

std::string problems_of(const std::function<void()>& split) {
  try {
    split();
  } catch (const Error& error) {
    std::string text;
    for (const auto& problem : error.problems()) text += describe(problem.where, problem.message) + "\n";
    return text;
  }
  return "no problem";
}

}  // namespace

TEST_CASE("Each start rule alone splits a real print file where its documents begin", "[split][e2e]") {
  Split split;
  const auto pages = notices({1, 3, 2});
  const std::vector<std::string> expected = {"1-1", "2-4", "5-6"};
  const std::vector<std::pair<std::string, std::string>> rules = {
      {"rule = \"text\"\ntext = \"Bescheid\"\nregion = { x = 20, y = 95, width = 170, height = 12 }",
       "text \"Bescheid\""},
      {"rule = \"pattern\"\npattern = \"^Bescheid über \\\\w+steuer$\"\nregion = { x = 20, y = 95, width = 170, height "
       "= "
       "12 }",
       "pattern \"^Bescheid über \\w+steuer$\""},
      {"rule = \"field_change\"\nfield = \"az\"", "field change az"},
      {"rule = \"page_counter\"", "page counter"},
  };
  for (const auto& [rule, name] : rules) {
    INFO(rule);
    const bool counter = name == "page counter";
    const auto summary = split(pages, profile_with("\n[[start]]\n" + rule + "\n" + (counter ? kCounter : "")));
    CHECK(summary.documents == 3);
    CHECK(summary.pages == 6);
    CHECK(split.pages() == expected);
    const auto found = test::read_csv(test::read_file(split.job() / "split.csv"));
    REQUIRE(found.size() == 3);
    CHECK(found[1].at("rule") == name);
    CHECK(found[1].at("az") == "A-101");
    CHECK(found[1].at("address") == "Frau | Erika Muster 1 | Lindenweg 1 | 06108 Halle (Saale)");
    const auto job = json::parse(std::ifstream(split.job() / "job.json"));
    CHECK(job["documents"][2]["id"] == "A-102");
    CHECK(job["documents"][2]["recipient"]["name"][1] == "Erika Muster 2");
  }
  // Every two pages, on a file of two-page notices.
  split(notices({2, 2, 2}), profile_with("\n[[start]]\nrule = \"every\"\npages = 2\n"));
  CHECK(split.pages() == std::vector<std::string>{"1-2", "3-4", "5-6"});
}

TEST_CASE("Every N pages counts from where the document before began, beside another rule", "[split][e2e]") {
  Split split;
  // Titles B A B A A A A: "Bescheid" starts pages 1 and 3, "every 3" then
  // page 6 (three pages after 3), not page 4 (three after the file's first).
  const std::vector<std::pair<std::string, std::string>> titles = {
      {"Bescheid", "A-1"}, {"Anlage", "A-1"}, {"Bescheid", "A-2"}, {"Anlage", "A-2"},
      {"Anlage", "A-2"},   {"Anlage", "A-3"}, {"Anlage", "A-3"}};
  std::vector<test::TextPage> pages;
  for (std::size_t i = 0; i < titles.size(); ++i)
    pages.push_back(notice_page(titles[i].first, titles[i].second, 1, 1, address(static_cast<int>(i))));
  split(pages, profile_with(R"toml(
[[start]]
rule = "text"
text = "Bescheid"
region = { x = 20, y = 95, width = 170, height = 12 }

[[start]]
rule = "every"
pages = 3
)toml"));
  CHECK(split.pages() == std::vector<std::string>{"1-2", "3-5", "6-7"});
}

TEST_CASE("A real print file's bad documents are found with their pages, and skipped when the profile says so",
          "[split][e2e]") {
  Split split;
  auto pages = notices({1, 2, 1, 2, 2, 1});
  // Page 2: a postcode of no Leitregion, which kuvert run would refuse.
  pages[1] = notice_page("Bescheid", "A-101", 1, 2, {"Herrn", "Max Muster", "Hauptstr. 1", "00123 Nirgendwo"});
  // Page 4: an address of seven lines, one more than the address field holds.
  pages[3] = notice_page(
      "Bescheid", "A-102", 1, 1,
      {"Herrn", "Dr. Max Muster", "Muster GmbH", "Abteilung 4", "Zimmer 12", "Hauptstr. 1", "06108 Halle (Saale)"},
      3.8);
  // Page 6: the second page of a notice without its Aktenzeichen.
  pages[5].erase(pages[5].begin() + 1);
  // Page 8: more words than any letter has.
  test::TextPage crowded;
  for (int i = 0; i < 20'001; ++i) crowded.push_back({5 + (i % 100) * 2.0, 5 + (i / 100) * 1.4, "x", 3});
  pages[7] = crowded;
  const std::string profile = profile_with("\n[[start]]\nrule = \"page_counter\"\n" + std::string(kCounter));
  const std::string problems = problems_of([&] { split(pages, profile); });
  CHECK(problems ==
        "file \"druck.pdf\": record \"page 2\": field \"recipient.postcode\": \"00123\" is not a German postcode "
        "(there is no Leitregion 00)\n"
        "file \"druck.pdf\": record \"page 4\": field \"recipient\": needs 7 address lines; the address field holds "
        "at most 6\n"
        "file \"druck.pdf\": record \"page 6\": field \"az\": has no az where the profile reads it on every page\n"
        "file \"druck.pdf\": record \"page 8\": has more than 20000 words; no letter has as many\n");
  CHECK_FALSE(fs::exists(split.job()));

  // Skipped: the good notices go on, each bad one listed once per problem with its pages.
  const auto summary = split(pages, "on_bad_document = \"skip\"\n" + profile);
  CHECK(summary.documents == 2);
  CHECK(summary.left_out == 4);
  CHECK(split.pages() == std::vector<std::string>{"1-1", "2-2"});  // in the file of the good documents' pages
  const auto exceptions = test::read_csv(test::read_file(split.job() / "exceptions.csv"));
  REQUIRE(exceptions.size() == 4);
  CHECK(exceptions[0].at("pages") == "2-3");
  CHECK(exceptions[0].at("id") == "A-101");
  CHECK(exceptions[1].at("pages") == "4-4");
  CHECK(exceptions[2].at("pages") == "5-6");
  CHECK(exceptions[2].at("field") == "az");
  CHECK(exceptions[3].at("pages") == "7-8");
}

TEST_CASE("Two notices with one id are both left out: which one is meant cannot be told", "[split][e2e]") {
  Split split;
  auto pages = notices({1, 1, 1});
  pages[2] = notice_page("Bescheid", "A-100", 1, 1, address(2));
  const auto summary = split(pages, "on_bad_document = \"skip\"\n" +
                                        profile_with("\n[[start]]\nrule = \"page_counter\"\n" + std::string(kCounter)));
  CHECK(summary.documents == 1);
  CHECK(split.pages() == std::vector<std::string>{"1-1"});
  const auto exceptions = test::read_csv(test::read_file(split.job() / "exceptions.csv"));
  REQUIRE(exceptions.size() == 2);
  CHECK(exceptions[0].at("problem") == "starts a document with the id \"A-100\" that the one on page 3 has too");
  CHECK(exceptions[1].at("problem") == "starts a document with the id \"A-100\" that the one on page 1 has too");
}

TEST_CASE("A field's value sets its document's inserts and flags through the profile's mapping", "[split][e2e]") {
  Split split;
  auto pages = notices({1, 1, 1});
  pages[0].push_back({25, 200, "Anlage: Überweisungsträger"});
  pages[1].push_back({25, 200, "Anlage: SEPA-Lastschriftmandat"});
  pages[1].push_back({25, 55, "Vertraulich"});
  const std::string profile = profile_with("\n[[start]]\nrule = \"page_counter\"\n" + std::string(kCounter)) +
                              R"toml(
[[field]]
name = "anlage"
pattern = "Anlage: (.+)"
region = { x = 20, y = 190, width = 170, height = 20 }
sets = "inserts"
values = { "Überweisungsträger" = "feeder-1", "SEPA-Lastschriftmandat" = "feeder-2" }

[[field]]
name = "vermerk"
pattern = "Vertraulich"
region = { x = 20, y = 50, width = 90, height = 10 }
sets = "sensitive"
)toml";
  split(pages, profile);
  const auto documents = json::parse(std::ifstream(split.job() / "job.json"))["documents"];
  REQUIRE(documents.size() == 3);
  CHECK(documents[0]["inserts"] == json::array({"feeder-1"}));
  CHECK_FALSE(documents[0].contains("sensitive"));
  CHECK(documents[1]["inserts"] == json::array({"feeder-2"}));
  CHECK(documents[1]["sensitive"] == true);
  CHECK_FALSE(documents[2].contains("inserts"));

  // A value the mapping does not name is its document's problem.
  pages[2].push_back({25, 200, "Anlage: Rückantwortkarte"});
  CHECK(problems_of([&] { split(pages, profile); }) ==
        "file \"druck.pdf\": record \"page 3\": field \"anlage\": reads \"Rückantwortkarte\", which the profile's "
        "values do not name\n");

  // A value that names a station the inserter lacks is found by the split,
  // as kuvert run would find it, and only that document is left out.
  pages[2].back().text = "Anlage: Überweisungsträger";
  std::string wrong_station = profile;
  wrong_station.replace(wrong_station.find("\"feeder-1\""), 10, "\"feeder-9\"");
  CHECK(problems_of([&] { split(pages, wrong_station); }) ==
        "file \"druck.pdf\": record \"page 1\": field \"inserts\": \"feeder-9\" is not a feeder station of inserter "
        "\"generic-omr\"\n"
        "file \"druck.pdf\": record \"page 3\": field \"inserts\": \"feeder-9\" is not a feeder station of inserter "
        "\"generic-omr\"\n");
  const auto summary = split(pages, "on_bad_document = \"skip\"\n" + wrong_station);
  CHECK(summary.documents == 1);
  CHECK(summary.left_out == 2);
  const auto run = test::kuvert_cli({"run", split.job().string(), "-o", (split.temp.path() / "out").string(),
                                     "--layouts", split.layouts.root().string()});
  INFO(run.err);
  CHECK(run.exit_code == 0);
}

TEST_CASE("A split profile whose job defaults no profile describes is refused before any page is read",
          "[split][e2e]") {
  Split split;
  const std::string profile = profile_with("\n[[start]]\nrule = \"page_counter\"\n" + std::string(kCounter)) +
                              "\n[job.defaults]\npaper = \"a4-300\"\nenvelope = \"c4-gold\"\n";
  // The second notice has no address: a problem of its page, had a page
  // been read.
  auto pages = notices({1, 2});
  pages[1].erase(pages[1].begin(), pages[1].begin() + 4);
  const auto problems = problems_of([&] { split(pages, profile); });
  CHECK_THAT(problems, Catch::StartsWith("file \"splits/probe.toml\": field \"job.defaults.paper\": unknown paper "
                                         "\"a4-300\""));
  CHECK_THAT(problems, Catch::Contains("file \"splits/probe.toml\": field \"job.defaults.envelope\": unknown "
                                       "envelope \"c4-gold\""));
  CHECK(problems.find("druck.pdf") == std::string::npos);
  CHECK_FALSE(fs::exists(split.job()));
  // Without the defaults, the page's problem is what is said.
  CHECK_THAT(problems_of([&] { split(pages, profile.substr(0, profile.find("\n[job.defaults]"))); }),
             Catch::StartsWith("file \"druck.pdf\": record \"page 2\": field \"recipient\""));
}

namespace {

// `pdf` as a scanner delivers it: each page an image at 300 dpi, no text.
void write_scan_of(const fs::path& pdf, const fs::path& scanned) {
  const fs::path pages = scanned.parent_path() / "pages";
  fs::create_directories(pages);
  const auto rendered =
      test::run_process({"pdftoppm", "-r", "300", "-gray", "-png", pdf.string(), (pages / "p").string()});
  REQUIRE(rendered.exit_code == 0);
  std::vector<fs::path> images;
  for (const auto& entry : fs::directory_iterator(pages)) images.push_back(entry.path());
  std::sort(images.begin(), images.end());
  ArchiveFile file(scanned, {"Scan", "2026-11-22T12:00:00Z"});
  for (const auto& image : images) {
    scan::PixPtr pix(pixRead(image.c_str()));
    REQUIRE(pix);
    file.add_page(scan::encode_archive_page(pix.get(), 300, {}, false, 90));
  }
  file.finish();
}

}  // namespace

TEST_CASE("A scanned print file is split by OCR of the profile's regions where the profile allows it",
          "[split][e2e][slow]") {
  Split split;
  write_text_pdf(split.temp.path() / "text.pdf", notices({1, 2, 1}));
  write_scan_of(split.temp.path() / "text.pdf", split.temp.path() / "scan" / "scan.pdf");
  const fs::path scanned = split.temp.path() / "scan" / "scan.pdf";
  const std::string profile = profile_with("\n[[start]]\nrule = \"page_counter\"\n" + std::string(kCounter));
  split.layouts.write("splits/probe.toml", profile);
  const auto run = [&](const std::string& out) {
    split_print_file({scanned, "probe", split.temp.path() / out, split.layouts.root()});
  };
  // Without OCR: every page is a problem of its own.
  const auto problems = problems_of([&] { run("ohne"); });
  CHECK(problems.find("record \"page 1\": has no text of its own (a scanned or outlined page)") != std::string::npos);
  CHECK(problems.find("record \"page 4\": has no text of its own") != std::string::npos);

  split.layouts.write("splits/probe.toml", "ocr = true\n" + profile);
  run("mit");
  const auto job = json::parse(std::ifstream(split.temp.path() / "mit" / "job.json"));
  REQUIRE(job["documents"].size() == 3);
  CHECK(job["documents"][1]["pages"] == "2-3");
  CHECK(job["documents"][1]["id"] == "A-101");
  CHECK(job["documents"][1]["recipient"]["name"] == json::array({"Frau", "Erika Muster 1"}));
  CHECK(job["documents"][1]["recipient"]["street"] == "Lindenweg 1");
  CHECK(job["documents"][2]["recipient"]["postcode"] == "06108");
  CHECK(job["documents"][2]["recipient"]["city"] == "Halle (Saale)");
}

TEST_CASE("A region as full as the limit allows is read by the most recursive pattern on every thread",
          "[split][e2e]") {
  // std::regex matches "((.|\n)*)" one stack frame a character or more:
  // 4 kB of text take some 3 MB of stack, which the thread that splits has.
  Split split;
  std::vector<test::TextPage> pages = notices({1, 1, 1, 1, 1, 1, 1, 1});
  for (auto& page : pages)
    for (int line = 0; line < 48; ++line)  // 3,888 bytes, near kMaxRegionTextBytes
      page.push_back({25, 110.0 + 3.4 * line, std::string(80, static_cast<char>('a' + line % 26)), 6});
  const std::string profile = profile_with(R"toml([[start]]
rule = "text"
text = "Bescheid"
region = { x = 20, y = 95, width = 180, height = 10 }
)toml") + R"toml(
[[field]]
name = "body"
pattern = "((.|\\n)*)"
region = { x = 20, y = 108, width = 185, height = 165 }
)toml";
  const auto summary = split(pages, profile);
  CHECK(summary.documents == 8);
  const auto csv = test::read_file(split.job() / "split.csv");
  CHECK(csv.find(std::string(80, 'n')) != std::string::npos);
}

TEST_CASE("A long print file is split the same across the batches its pages are read in", "[split][e2e]") {
  // One thread reads four pages a batch: 40 notices of 1 to 3 pages cross
  // many batches; two far apart share an id, one has no address, and the
  // others go on with their pages counted anew.
  Split split;
  split.threads = 1;
  std::vector<int> lengths;
  for (int i = 0; i < 40; ++i) lengths.push_back(1 + i % 3);
  auto pages = notices(lengths);
  std::vector<std::size_t> first_pages;  // 0-based, of each notice
  for (std::size_t p = 0, d = 0; d < lengths.size(); p += static_cast<std::size_t>(lengths[d++]))
    first_pages.push_back(p);
  // Lines: the address (first pages), the title, the Aktenzeichen, the counter.
  pages[first_pages[33]][5].text = "Aktenzeichen A-105";  // as notice 5's
  for (std::size_t p = first_pages[33] + 1; p < first_pages[34]; ++p) pages[p][1].text = "Aktenzeichen A-105";
  pages[first_pages[20]].erase(pages[first_pages[20]].begin(), pages[first_pages[20]].begin() + 4);
  const auto summary = split(pages, "on_bad_document = \"skip\"\n" +
                                        profile_with("\n[[start]]\nrule = \"page_counter\"\n" + std::string(kCounter)));
  CHECK(summary.documents == 37);
  CHECK(summary.left_out == 3);
  const auto written = json::parse(std::ifstream(split.job() / "job.json"))["documents"];
  REQUIRE(written.size() == 37);
  std::uint32_t next = 1;
  for (const auto& document : written) {
    const std::string range = document["pages"];
    CHECK(std::stoul(range) == next);
    next = static_cast<std::uint32_t>(std::stoul(range.substr(range.find('-') + 1))) + 1;
    CHECK(document["id"] != "A-105");
    CHECK(document["id"] != "A-120");
  }
  const auto exceptions = test::read_csv(test::read_file(split.job() / "exceptions.csv"));
  std::set<std::string> left_out;
  for (const auto& row : exceptions) left_out.insert(row.at("id"));
  CHECK(left_out == std::set<std::string>{"A-105", "A-120"});
}

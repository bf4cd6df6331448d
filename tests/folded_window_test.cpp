// Which sheet faces the window. The pieces of runs for each shipped
// inserter profile are folded on paper as that profile's machine folds and
// collates them (tests/support/folded_set); the text poppler finds on the
// page part that then lies behind the C6/5 window must be the piece's
// recipient.
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <sstream>

#include "tests/support/csv.hpp"
#include "tests/support/edited_layouts.hpp"
#include "tests/support/file_text.hpp"
#include "tests/support/folded_set.hpp"
#include "tests/support/kuvert_job.hpp"
#include "tests/support/word_boxes.hpp"

namespace {

using namespace kuvert::test;
using kuvert::LetterFold;
using kuvert::SetCollation;
using nlohmann::json;
namespace fs = std::filesystem;

// DIN 5008 form B, which the sample print files are: folds at 105 and 210 mm.
constexpr double kHeadFoldMm = 105, kFootFoldMm = 210;
// The C6/5 window (DOMAIN.md): 15 to 60 mm above the envelope's bottom
// edge, on which the set rests with its head fold; 20 to 110 mm from the
// left, the sheet lying anywhere in its play.
constexpr double kWindowBottomMm = 15, kWindowTopMm = 60;
constexpr double kWindowLeftMm = 20, kWindowRightMm = 110;

// What the machine does, as the profile says it: the tests below state it
// again, so that a changed profile fails here until its folding is checked.
struct Machine {
  std::string profile;
  LetterFold fold;
  SetCollation collation;
  bool takes_last_sheet_first;  // order = "reverse"
  std::string sides;
};

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream in(text);
  for (std::string part; in >> part;) parts.push_back(part);
  return parts;
}

// The words on `page` inside the window's part of it, joined by spaces.
std::string text_behind_window(const std::vector<WordBox>& words, int page, double top, double bottom) {
  std::string text;
  for (const auto& word : words)
    if (word.page == page && word.x >= kWindowLeftMm && word.right <= kWindowRightMm && word.y >= top &&
        word.bottom <= bottom)
      text += word.text + " ";
  return text;
}

bool contains_words(const std::string& text, const std::string& line) {
  for (const auto& word : split(line))
    if (text.find(word + " ") == std::string::npos) return false;
  return true;
}

// Runs a job for `machine` with `layouts` and checks every folded piece of
// more than one sheet; returns how many there were.
std::size_t check_window_faces(const Machine& machine, const fs::path& layouts) {
  kuvert::SampleJobOptions options = plain_job(24, 0, "fold-job");
  options.seed = 5;
  options.sides = machine.sides;
  options.repeat_share = 0.3;  // consolidated pieces of several letters
  KuvertJob job(options);
  job.edit_manifest([&](json& m) { m["defaults"]["inserter"] = machine.profile; });
  const auto result = run_process({KUVERT_BINARY, "run", job.folder().string(), "-o", job.output().string(),
                                   "--layouts", layouts.string(), "--date", "2026-11-22", "--deterministic"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);

  std::map<std::string, kuvert::Recipient> recipients;
  for (const auto& document : job.documents()) recipients[document.id] = document.recipient;
  const bool duplex = machine.sides == "duplex";
  std::size_t checked = 0;
  const auto summary = json::parse(std::ifstream(job.output() / "summary.json"));
  for (const auto& run : summary["runs"]) {
    const auto id = run["run"].get<std::string>();
    const auto ticket = json::parse(std::ifstream(job.output() / (id + ".json")));
    CHECK(ticket["production"]["fold"] == (machine.fold == LetterFold::z ? "Z" : "C"));
    const auto words = word_boxes(job.output() / (id + ".pdf"));
    for (const auto& row : read_csv(read_file(job.output() / (id + ".csv")))) {
      const std::size_t first = std::stoul(row.at("first_sheet")), last = std::stoul(row.at("last_sheet"));
      if (row.at("envelope") != "c6-5" || first == last) continue;
      INFO(machine.profile << " run " << id << " piece " << row.at("piece_id"));
      const FoldedSet set(last - first + 1, machine.collation, machine.fold, kHeadFoldMm, kFootFoldMm);
      const auto low = set.window_face(kWindowBottomMm), high = set.window_face(kWindowTopMm);
      REQUIRE(low.taken == high.taken);
      REQUIRE(low.front == high.front);
      // The machine takes the piece's sheets in print order, or from its
      // last when it takes the run from its last printed sheet.
      const std::size_t sheet = machine.takes_last_sheet_first ? last - low.taken : first + low.taken;
      const int page = static_cast<int>(duplex ? 2 * sheet - (low.front ? 1 : 0) : sheet);
      const auto text = text_behind_window(words, page, high.page_y_mm, low.page_y_mm);
      INFO("sheet " << sheet << (low.front ? " front" : " back") << ", page y " << high.page_y_mm << " to "
                    << low.page_y_mm << ": \"" << text << "\"");
      const auto& recipient = recipients.at(split(row.at("documents")).front());
      for (const auto& line : recipient.name) CHECK(contains_words(text, line));
      CHECK(contains_words(text, recipient.postcode + " " + recipient.city));
      ++checked;
    }
  }
  return checked;
}

const fs::path kShipped = source_dir() / "layouts";

}  // namespace

TEST_CASE("a folded set shows the outer sheet's address panel in the window, upright", "[fold]") {
  // One sheet, Z: the address field of form B (45 to 90 mm) behind the
  // window, its top at the window's top.
  const FoldedSet single(1, SetCollation::forward, LetterFold::z, kHeadFoldMm, kFootFoldMm);
  CHECK(single.window_face(kWindowBottomMm).taken == 0);
  CHECK(single.window_face(kWindowBottomMm).front);
  CHECK(single.window_face(kWindowBottomMm).page_y_mm == Approx(90));
  CHECK(single.window_face(kWindowTopMm).page_y_mm == Approx(45));
  // Three sheets: laid beneath the ones before, the first taken is
  // outside; laid on top, the last. A C-fold wraps the same way.
  for (const auto fold : {LetterFold::z, LetterFold::c}) {
    CHECK(FoldedSet(3, SetCollation::forward, fold, kHeadFoldMm, kFootFoldMm).window_face(30).taken == 0);
    CHECK(FoldedSet(3, SetCollation::reverse, fold, kHeadFoldMm, kFootFoldMm).window_face(30).taken == 2);
    CHECK(FoldedSet(3, SetCollation::reverse, fold, kHeadFoldMm, kFootFoldMm).window_face(30).front);
  }
}

TEST_CASE("the window shows each piece's recipient after generic-omr's Z-fold, address sheet taken first", "[e2e]") {
  CHECK(check_window_faces({"generic-omr", LetterFold::z, SetCollation::forward, false, "duplex"}, kShipped) > 3);
}

TEST_CASE("the window shows each piece's recipient after pitney-bowes's C-fold with reverse collation", "[e2e]") {
  CHECK(check_window_faces({"pitney-bowes", LetterFold::c, SetCollation::reverse, false, "simplex"}, kShipped) > 3);
}

TEST_CASE("the window shows each piece's recipient after datamatrix's Z-fold, address sheet taken last", "[e2e]") {
  CHECK(check_window_faces({"datamatrix", LetterFold::z, SetCollation::reverse, false, "duplex"}, kShipped) > 3);
}

TEST_CASE("the window shows each piece's recipient when the inserter takes the run from its last sheet", "[e2e]") {
  TempFolder folder;
  const auto layouts = edited_layouts(folder.path(), "inserters/generic-omr.toml", [](std::string& profile) {
    profile.replace(profile.find("order = \"normal\""), 16, "order = \"reverse\"");
  });
  CHECK(check_window_faces({"generic-omr", LetterFold::z, SetCollation::forward, true, "duplex"}, layouts) > 3);
}

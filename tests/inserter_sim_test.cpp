// kuvert-inserter-sim on real run files: it reads the marks kuvert printed
// (rendered back with poppler) for every shipped inserter profile, matches
// them against the control files, and reports the pieces a fault spoils.
#include <catch2/catch.hpp>
#include <fstream>
#include <map>

#include "tests/support/csv.hpp"
#include "tests/support/file_text.hpp"
#include "tests/support/kuvert_job.hpp"
#include "tests/support/process.hpp"

namespace fs = std::filesystem;
using kuvert::test::read_csv;
using kuvert::test::read_file;
using kuvert::test::run_process;
using nlohmann::json;

namespace {

using Rows = std::vector<std::map<std::string, std::string>>;

// A job of varied pieces (1 to 5 pages, inserts, repeated recipients) made
// for `inserter`.
struct InserterRun {
  InserterRun(const std::string& inserter, const std::string& sides) : job(options(sides)) {
    job.edit_manifest([&](json& m) { m["defaults"]["inserter"] = inserter; });
    kuvert::test::require_success(job.run(), "kuvert run");
    manifest = read_csv(read_file(pdf().replace_extension(".csv")));
  }
  static kuvert::SampleJobOptions options(const std::string& sides) {
    kuvert::SampleJobOptions options;
    options.documents = 24;
    options.sides = sides;
    options.foreign_share = 0;
    options.seed = 5;
    return options;
  }
  fs::path pdf() const { return job.output() / "R0001.pdf"; }

  // kuvert-inserter-sim on the run; its results file's rows.
  kuvert::test::ProcessResult simulate(const std::string& profile, const std::vector<std::string>& extra = {}) {
    const fs::path results = job.output() / ("results-" + std::to_string(++files) + ".csv");
    std::vector<std::string> argv = {KUVERT_INSERTER_SIM,
                                     pdf().string(),
                                     "--profile",
                                     profile,
                                     "--layouts",
                                     (kuvert::test::source_dir() / "layouts").string(),
                                     "-o",
                                     results.string()};
    argv.insert(argv.end(), extra.begin(), extra.end());
    if (std::find(extra.begin(), extra.end(), "--start") == extra.end())
      argv.insert(argv.end(), {"--start", "2026-12-02T08:00:00Z"});
    auto result = run_process(argv);
    rows = fs::exists(results) ? read_csv(read_file(results)) : Rows{};
    return result;
  }

  // The last status of each piece, as kuvert reads the file.
  std::map<std::string, std::string> statuses() const {
    std::map<std::string, std::string> last;
    for (const auto& row : rows)
      if (last[row.at("piece")] != "duplicate") last[row.at("piece")] = row.at("status");
    return last;
  }
  // Every piece of the manifest ok, but for `spoiled`.
  std::map<std::string, std::string> all_ok_but(const std::map<std::string, std::string>& spoiled) const {
    std::map<std::string, std::string> expected;
    for (const auto& piece : manifest) expected[piece.at("piece_id")] = "ok";
    for (const auto& [piece, status] : spoiled) expected[piece] = status;
    return expected;
  }
  // The manifest row of the first piece with at least `sheets` sheets.
  const std::map<std::string, std::string>& piece_with(int sheets) const {
    for (const auto& piece : manifest)
      if (std::stoi(piece.at("sheets")) >= sheets && piece.at("sequence") != "1") return piece;
    FAIL("no piece of " << sheets << " sheets");
    return manifest.front();
  }

  kuvert::test::KuvertJob job;
  Rows manifest, rows;
  int files = 0;
};

}  // namespace

TEST_CASE("The simulated inserter reads every shipped profile's marks and inserts every piece", "[inserter-sim][e2e]") {
  for (const auto& [profile, sides] : std::vector<std::pair<std::string, std::string>>{
           {"generic-omr", "duplex"}, {"datamatrix", "duplex"}, {"pitney-bowes", "simplex"}}) {
    INFO(profile << ", " << sides);
    InserterRun run(profile, sides);
    REQUIRE(run.manifest.size() > 6);
    const auto result = run.simulate(profile);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    CHECK(run.statuses() == run.all_ok_but({}));
    CHECK(run.rows.size() == run.manifest.size());
    // A sheet each half second from the start (ISO times sort as text).
    for (std::size_t i = 0; i < run.rows.size(); ++i) {
      CHECK(run.rows[i].at("time") >= (i == 0 ? "2026-12-02T08:00:00Z" : run.rows[i - 1].at("time")));
      CHECK(run.rows[i].at("time") < "2026-12-02T08:01:00Z");
    }
    CHECK(result.out.find("(" + sides + ")") != std::string::npos);
  }
  // A 2D code names its pieces: without the control file the machine
  // still inserts them, duplex told from the marks (none to report missing).
  InserterRun run("datamatrix", "duplex");
  fs::remove(fs::path(run.pdf()).replace_extension(".pieces.csv"));
  const auto result = run.simulate("datamatrix", {"--fault", "lost@1"});
  REQUIRE(result.exit_code == 0);
  CHECK(result.out.find("(duplex)") != std::string::npos);
  auto expected = run.all_ok_but({});
  expected.erase(run.manifest.front().at("piece_id"));
  if (run.manifest.front().at("sheets") != "1") expected[run.manifest.front().at("piece_id")] = "damaged";
  CHECK(run.statuses() == expected);
}

TEST_CASE(
    "The simulated inserter diverts the pieces a lost or torn sheet or a jam spoils, and reports a piece made twice",
    "[inserter-sim][e2e]") {
  for (const std::string profile : {"generic-omr", "datamatrix"}) {
    INFO(profile);
    InserterRun run(profile, "duplex");
    // The second sheet of a piece of two or more lost; in OMR that is a
    // sequence error, in the 2D code a sheet that did not come.
    const auto& lost = run.piece_with(2);
    const int first = std::stoi(lost.at("first_sheet"));
    const auto& last_piece = run.manifest.back();
    const int last_first = std::stoi(last_piece.at("first_sheet"));
    REQUIRE(run.simulate(profile, {"--fault", "lost@" + std::to_string(first + 1), "--fault",
                                   "torn@" + std::to_string(last_first)})
                .exit_code == 0);
    CHECK(run.statuses() == run.all_ok_but({{lost.at("piece_id"), "damaged"}, {last_piece.at("piece_id"), "damaged"}}));
    // A jam on the last piece's first sheet ends the run: the two pieces
    // before it are still in the track and taken out with it.
    REQUIRE(run.simulate(profile, {"--fault", "jam@" + std::to_string(last_first)}).exit_code == 0);
    const std::size_t n = run.manifest.size();
    CHECK(run.statuses() == run.all_ok_but({{run.manifest[n - 3].at("piece_id"), "damaged"},
                                            {run.manifest[n - 2].at("piece_id"), "damaged"},
                                            {last_piece.at("piece_id"), "damaged"}}));
    // A piece printed twice: OMR counts back to where it has seen the
    // marks before, the 2D code names the piece.
    REQUIRE(run.simulate(profile, {"--fault", "twice@" + std::to_string(first)}).exit_code == 0);
    CHECK(run.statuses() == run.all_ok_but({{lost.at("piece_id"), "duplicate"}}));
  }
}

TEST_CASE("The simulated inserter refuses what it cannot take, and never writes over a file", "[inserter-sim][e2e]") {
  InserterRun run("generic-omr", "duplex");
  const fs::path control = fs::path(run.pdf()).replace_extension(".pieces.csv");
  const std::string text = read_file(control);
  // OMR without the control file: the machine cannot know its pieces.
  fs::rename(control, control.string() + ".away");
  auto result = run.simulate("generic-omr");
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("an OMR inserter needs the run's pieces control file") != std::string::npos);
  CHECK(run.rows.empty());
  // A control file with a broken line.
  std::ofstream(control, std::ios::binary) << text << "A-R0001-000099,99,zwei,,c6-5,Standardbrief,N\r\n";
  result = run.simulate("generic-omr");
  CHECK(result.err == "kuvert-inserter-sim: file \"R0001.pieces.csv\": record \"line " +
                          std::to_string(run.manifest.size() + 2) +
                          "\": field \"sheets\": \"zwei\" is not a count from 1\n");
  std::ofstream(control, std::ios::binary) << text;
  CHECK(run.simulate("quadient").err.find("\"quadient\" is no inserter profile") != std::string::npos);
  CHECK(run.simulate("generic-omr", {"--fault", "jam@100000"}).err.find("jam@100000 is beyond the") !=
        std::string::npos);
  CHECK(run.simulate("generic-omr", {"--start", "morgen"}).err ==
        "kuvert-inserter-sim: option --start: expected a UTC time YYYY-MM-DDTHH:MM:SSZ\n");
  // An existing results file stays as it is.
  const fs::path existing = run.job.output() / "results-9.csv";
  std::ofstream(existing) << "schon da\n";
  run.files = 8;
  result = run.simulate("generic-omr");
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("exists already") != std::string::npos);
  CHECK(read_file(existing) == "schon da\n");
}

// The closed loop end to end, with the simulated inserter in place of a
// machine: `kuvert serve` delivers a run, kuvert-inserter-sim reads the
// marks of the delivered file, spoils pieces by the faults it is given and
// writes its results file into the printer's results folder, and the
// service reconciles, reprints and returns a posting record per notice.
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "pipeline/store/job_records.hpp"
#include "pipeline/store/piece_records.hpp"
#include "pipeline/store/piece_verdicts.hpp"
#include "pipeline/store/run_workflow.hpp"
#include "tests/support/csv.hpp"
#include "tests/support/file_text.hpp"
#include "tests/support/kuvert_job.hpp"
#include "tests/support/page_image.hpp"
#include "tests/support/process.hpp"
#include "tests/support/service_site.hpp"

using namespace kuvert::store;
using namespace kuvert::test;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

const Actor kAnna{"anna", Role::operator_};

// kuvert-inserter-sim on a run as its printer got it, the results file
// written straight into the printer's results folder.
void insert_run(const ServiceSite& site, const RunRecord& run, const std::string& profile,
                const std::vector<std::string>& faults) {
  const std::string stem = delivered_stem(run);
  std::vector<std::string> argv = {KUVERT_INSERTER_SIM,
                                   (site.printer() / (stem + ".pdf")).string(),
                                   "--profile",
                                   profile,
                                   "--layouts",
                                   (source_dir() / "layouts").string(),
                                   "-o",
                                   (site.results() / (stem + ".results.csv")).string()};
  argv.insert(argv.end(), faults.begin(), faults.end());
  require_success(run_process(argv), "kuvert-inserter-sim");
}

// The piece ids of a delivered run by sheet, as its control file lists them.
std::vector<std::string> pieces_by_sheet(const ServiceSite& site, const RunRecord& run) {
  std::vector<std::string> by_sheet;
  for (const auto& row : read_csv(read_file(site.printer() / (delivered_stem(run) + ".pieces.csv"))))
    by_sheet.insert(by_sheet.end(), std::stoul(row.at("sheets")), row.at("piece"));
  return by_sheet;
}

}  // namespace

TEST_CASE("An inserter's spoiled pieces come back as a reprint of exactly them, and every notice is posted once",
          "[service][slow]") {
  ServiceSite site("unreported = \"missing\"\nauto_reconcile = true\nmax_reprint_percent = 30\n");
  auto service = site.start();
  const auto run = delivered_run(site, "kreislauf", 10, "datamatrix");
  auto store = site.store();
  const auto sheets = pieces_by_sheet(site, run);
  REQUIRE(sheets.size() == 10);  // ten one-page letters to ten recipients

  // The folder tears sheet 3; sheet 7 falls off the stack: its piece never comes.
  insert_run(site, run, "datamatrix", {"--fault", "torn@3", "--fault", "lost@7"});
  REQUIRE(wait_until([&] { return !reprints_of(store, run.id).empty(); }, 60s));
  INFO(site.log());
  CHECK(find_run(store, run.id)->state == RunState::reconciled);
  std::map<std::string, std::string> expected;
  for (const auto& piece : sheets) expected[piece] = "ok";
  expected[sheets[2]] = "damaged";
  expected[sheets[6]] = "missing";
  std::map<std::string, std::string> statuses;
  for (const auto& piece : pieces_of_run(store, run.id)) statuses[piece.id] = status_of(store, piece.id);
  CHECK(statuses == expected);

  // The reprint: exactly those two documents, the same letters, new ids.
  const auto reprint = reprints_of(store, run.id).front();
  const auto ticket = nlohmann::json::parse(read_file(fs::path(reprint.file).replace_extension(".json")));
  CHECK(ticket["reprint_of"] == nlohmann::json{{"run", run.name}, {"pieces", {sheets[2], sheets[6]}}});
  const auto made = pieces_of_run(store, reprint.id);
  REQUIRE(made.size() == 2);
  CHECK(made[0].documents == find_piece(store, sheets[2])->documents);
  CHECK(made[1].documents == find_piece(store, sheets[6])->documents);
  const auto original = page_texts(run.file), again = page_texts(reprint.file);
  REQUIRE(again.size() == 4);  // duplex: two sheets, two sides each
  CHECK(again[0] == original.at(2 * 2));
  CHECK(again[2] == original.at(2 * 6));

  // Released, delivered, through the inserter without a fault: reconciled.
  act_on_run(store, reprint.id, RunAction::release, kAnna, now());
  REQUIRE(wait_until([&] { return find_run(store, reprint.id)->state == RunState::delivered; }, 15s));
  insert_run(site, *find_run(store, reprint.id), "datamatrix", {});
  REQUIRE(wait_until([&] { return find_run(store, reprint.id)->state == RunState::reconciled; }, 15s));
  CHECK(status_of(store, made[0].id) == "ok");
  CHECK(status_of(store, made[1].id) == "ok");
  CHECK(reprints_of(store, reprint.id).empty());

  // Posted and closed: each notice returned once, by the piece that went out.
  act_on_run(store, run.id, RunAction::mark_posted, kAnna, now(), {.posted_on = "2026-12-01"});
  act_on_run(store, reprint.id, RunAction::mark_posted, kAnna, now(), {.posted_on = "2026-12-04"});
  act_on_run(store, reprint.id, RunAction::close, kAnna, now());
  act_on_run(store, run.id, RunAction::close, kAnna, now());
  const fs::path returned = site.return_folder() / ("J" + std::to_string(run.job) + "-kreislauf.posting.jsonl");
  REQUIRE(wait_until([&] { return fs::exists(returned); }, 15s));
  std::map<std::string, std::string> piece_of_document;
  std::istringstream in(read_file(returned));
  std::size_t lines = 0;
  for (std::string line; std::getline(in, line); ++lines) {
    const auto record = nlohmann::json::parse(line);
    piece_of_document[record["document"]] = record["piece"];
    // Posted on a Tuesday: the fourth day a Saturday, notified on Monday;
    // on a Friday: notified on the Tuesday after.
    const bool reprinted = record["run"] == "N0001";
    CHECK(record["posted_on"] == (reprinted ? "2026-12-04" : "2026-12-01"));
    CHECK(record["notified_on"] == (reprinted ? "2026-12-08" : "2026-12-07"));
    CHECK(record["handling"] == "posted");
  }
  CHECK(lines == 10);
  REQUIRE(piece_of_document.size() == 10);
  for (const auto& piece : pieces_of_run(store, run.id)) {
    const std::string& document = piece.documents;
    const bool reprinted = piece.id == sheets[2] || piece.id == sheets[6];
    CHECK(piece_of_document.at(document) == (reprinted ? (piece.id == sheets[2] ? made[0].id : made[1].id) : piece.id));
  }
  CHECK(service->stop() == 0);
}

TEST_CASE("A piece an inserter made twice, and more spoiled pieces than a printer allows, wait for a supervisor",
          "[service][slow]") {
  ServiceSite site("unreported = \"missing\"\nauto_reconcile = true\nmax_reprint_percent = 20\n");
  auto service = site.start();
  const auto twice = delivered_run(site, "doppelt", 6);
  const auto spoiled = delivered_run(site, "zerrissen", 6);
  auto store = site.store();
  const auto sheets = pieces_by_sheet(site, twice);

  // OMR: the printer printed the second piece again after a jam of its own.
  insert_run(site, twice, "generic-omr", {"--fault", "twice@2"});
  // Two of six torn: a third of the run, more than 20 %.
  insert_run(site, spoiled, "generic-omr", {"--fault", "torn@1", "--fault", "torn@4"});
  REQUIRE(wait_until([&] { return find_run(store, spoiled.id)->state == RunState::attention; }, 15s));
  REQUIRE(wait_until([&] { return find_run(store, twice.id)->state == RunState::attention; }, 15s));
  INFO(site.log());
  CHECK(find_run(store, twice.id)->attention == "1 piece was seen twice: a letter may be in a wrong envelope");
  CHECK(status_of(store, sheets[1]) == "duplicate");
  CHECK(find_run(store, spoiled.id)->attention == "2 of 6 pieces to reprint (33.33 %), more than the printer's 20 %");
  std::this_thread::sleep_for(1500ms);
  CHECK(reprints_of(store, spoiled.id).empty());  // nothing is reprinted before a supervisor decides

  // The supervisor finds the second piece whole in one envelope and the copy in the bin.
  const Actor bernd{"bernd", Role::supervisor};
  PieceVerdicts verdicts;
  verdicts.pieces = {{sheets[1], PieceVerdict::ok}};
  const auto cleared = settle_run(store, *find_run(store, twice.id), true, verdicts, bernd, now(),
                                  {.max_reprint_percent = 20, .finding = "copy of piece 2 found in the divert bin"});
  CHECK(cleared.state == RunState::reconciled);
  // And lets the torn pieces be reprinted.
  const auto let = settle_run(store, *find_run(store, spoiled.id), true, {}, bernd, now(),
                              {.max_reprint_percent = 20, .finding = "two torn in the folder, folder adjusted"});
  CHECK(let.state == RunState::reconciled);
  REQUIRE(wait_until([&] { return !reprints_of(store, spoiled.id).empty(); }, 60s));
  CHECK(reprints_of(store, spoiled.id).front().pieces == 2);
  CHECK(reprints_of(store, twice.id).empty());
  CHECK(service->stop() == 0);
}

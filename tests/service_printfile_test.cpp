// The service's printfile inbox (issue 16): print files without an index
// dropped by an application are split by the inbox's profile and produced
// as any job; what is no print file, or splits badly, ends in error/ with
// its reasons; a reprint is made of the job folder the split wrote.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "pipeline/store/piece_records.hpp"
#include "pipeline/store/run_workflow.hpp"
#include "tests/support/file_text.hpp"
#include "tests/support/kuvert_job.hpp"
#include "tests/support/process.hpp"
#include "tests/support/service_site.hpp"

namespace fs = std::filesystem;
using namespace kuvert::store;
using namespace std::chrono_literals;
using kuvert::test::read_file;
using kuvert::test::ServiceSite;
using kuvert::test::wait_until;

namespace {

fs::path sample(const std::string& file) { return kuvert::test::source_dir() / "samples" / "druckdateien" / file; }

}  // namespace

TEST_CASE("A print file dropped into a printfile inbox is split, produced and reprinted as any job",
          "[service][split][slow]") {
  ServiceSite site("unreported = \"ok\"\nauto_reconcile = true\nmax_reprint_percent = 50\n");
  auto service = site.start();
  site.drop_file("bezuege", sample("nachbarstadt-bezuege-2026-11.pdf"), "bezuege-november.pdf");
  REQUIRE(wait_until([&] { return site.runs().size() == 1; }, 60s));
  INFO(site.log());
  const auto jobs = site.jobs();
  REQUIRE(jobs.size() == 1);
  CHECK(jobs[0].name == "bezuege-november");  // named after its file, as kuvert split names it
  CHECK(jobs[0].client == "nachbarstadt");
  CHECK(jobs[0].documents == 40);
  CHECK(fs::exists(fs::path(jobs[0].output) / "split" / "job.json"));
  CHECK(fs::exists(fs::path(jobs[0].output) / "split" / "split.csv"));
  auto run = site.runs().front();
  CHECK(run.pieces == 40);
  CHECK(run.sensitive);

  // Released, inserted with one piece torn: its letter is made again from
  // the split's job folder, page for page.
  auto store = site.store();
  act_on_run(store, run.id, RunAction::release, {"anna", Role::operator_}, kuvert::test::now());
  // Salary statements: a second person confirms before they go.
  act_on_run(store, run.id, RunAction::confirm, {"bernd", Role::supervisor}, kuvert::test::now());
  REQUIRE(wait_until([&] { return find_run(store, run.id)->state == RunState::delivered; }, 15s));
  const auto pieces = pieces_of_run(store, run.id);
  site.drop_results(kuvert::test::delivered_stem(*find_run(store, run.id)) + ".results.csv",
                    "piece,status\n" + pieces[5].id + ",damaged\n");
  REQUIRE(wait_until([&] { return !reprints_of(store, run.id).empty(); }, 60s));
  const auto reprint = reprints_of(store, run.id).front();
  const auto made = pieces_of_run(store, reprint.id);
  REQUIRE(made.size() == 1);
  CHECK(made[0].documents == pieces[5].documents);
}

TEST_CASE("A printfile inbox refuses what is no print file, and a file that splits badly fails with its pages",
          "[service][split][slow]") {
  ServiceSite site;
  auto service = site.start();
  const fs::path inbox = site.inbox_folder("bezuege");
  // A job folder in the wrong inbox; a file that is no PDF; the property-tax
  // file, which the salary statements' profile does not fit.
  fs::create_directories(site.staging() / "ordner");
  std::ofstream(site.staging() / "ordner" / "job.json") << "{}";
  fs::rename(site.staging() / "ordner", inbox / "ordner");
  std::ofstream(site.staging() / "kaputt.pdf") << "%PDF-1.7\nkein PDF";
  fs::rename(site.staging() / "kaputt.pdf", inbox / "kaputt.pdf");
  site.drop_file("bezuege", sample("musterstadt-grundsteuer-2026.pdf"), "grundsteuer.pdf");
  for (const char* name : {"ordner", "kaputt.pdf", "grundsteuer.pdf"})
    REQUIRE(wait_until([&] { return fs::exists(inbox / "error" / (std::string(name) + ".error.txt")); }, 60s));
  INFO(site.log());
  CHECK(read_file(inbox / "error/ordner.error.txt") ==
        "ordner: a printfile inbox takes print files without an index (NAME.pdf), split by the profile "
        "\"nachbarstadt-bezuege\"; job folders go to a job inbox\n");
  CHECK(read_file(inbox / "error/kaputt.pdf.error.txt") ==
        "kaputt.pdf: file \"kaputt.pdf\": is truncated (no end-of-file marker)\n");
  const std::string bad = read_file(inbox / "error/grundsteuer.pdf.error.txt");
  CHECK(bad ==
        "grundsteuer.pdf: file \"grundsteuer.pdf\": no rule of split profile \"nachbarstadt-bezuege\" starts a "
        "document on any of the file's 52 pages: is it the profile for this file?\n");
  CHECK(fs::exists(inbox / "error" / "grundsteuer.pdf"));  // the input kept as it came
  CHECK(site.runs().empty());
  for (const auto& job : site.jobs()) CHECK(job.state == JobState::failed);
}

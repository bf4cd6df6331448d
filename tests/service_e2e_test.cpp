// kuvert serve end to end: watch folders, the job store, release and
// delivery, refused inputs and recovery after a kill, as a child process.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "pipeline/config/centre_time.hpp"
#include "pipeline/model/concat.hpp"
#include "pipeline/service/inbox_files.hpp"
#include "pipeline/service/run_delivery.hpp"
#include "pipeline/store/audit_trail.hpp"
#include "pipeline/store/job_records.hpp"
#include "pipeline/store/piece_records.hpp"
#include "pipeline/store/user_accounts.hpp"
#include "tests/support/csv.hpp"
#include "tests/support/file_text.hpp"
#include "tests/support/generated_page.hpp"
#include "tests/support/kuvert_job.hpp"
#include "tests/support/page_image.hpp"
#include "tests/support/process.hpp"
#include "tests/support/service_process.hpp"
#include "tests/support/service_site.hpp"
#include "tests/support/source_pdf_files.hpp"
#include "tests/support/temp_folder.hpp"
#include "tools/sample_job/sample_job.hpp"
#include "tools/sample_scan/sample_batch.hpp"

using namespace kuvert::store;
using namespace std::chrono_literals;
namespace fs = std::filesystem;
using kuvert::test::audit_count;
using kuvert::test::delivered_run;
using kuvert::test::delivered_stem;
using kuvert::test::now;
using kuvert::test::read_file;
using kuvert::test::ServiceSite;
using kuvert::test::status_of;
using kuvert::test::wait_until;

namespace {

// The files a printer sees in its folder (it skips hidden ones, such as a
// copy still under way: ".NAME.part"), or all of them.
std::size_t files_in(const fs::path& folder, bool hidden_too = false) {
  std::size_t count = 0;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(folder, error))
    count += entry.is_regular_file() && (hidden_too || !entry.path().filename().string().starts_with('.')) ? 1 : 0;
  return count;
}

// The run files a printer sees in its folder (each comes with its
// inserter's two control files, generic-omr's).
std::size_t runs_in(const fs::path& folder) {
  std::size_t count = 0;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(folder, error)) {
    const std::string name = entry.path().filename().string();
    count += entry.is_regular_file() && !name.starts_with('.') && name.ends_with(".pdf") ? 1 : 0;
  }
  return count;
}

}  // namespace

TEST_CASE("Jobs dropped into an inbox become runs and released runs reach the printer once", "[service][slow]") {
  ServiceSite site;
  auto service = site.start();
  site.drop_job("steuer", "job-a");
  site.drop_job("steuer", "job-s", 2, true);
  REQUIRE(wait_until([&] { return site.runs().size() == 2; }, 30s));
  REQUIRE(site.inputs(InputState::done).size() == 2);
  CHECK_FALSE(fs::exists(site.inbox_folder("steuer") / "job-a"));

  auto store = site.store();
  add_user(store, "anna", Role::operator_, "anna's long password", now(), "test");
  const auto runs = site.runs();
  const RunRecord& ordinary = runs[0].sensitive ? runs[1] : runs[0];
  const RunRecord& sensitive = runs[0].sensitive ? runs[0] : runs[1];
  REQUIRE(sensitive.sensitive);
  REQUIRE_FALSE(ordinary.sensitive);

  act_on_run(store, ordinary.id, RunAction::release, {"anna", Role::operator_}, now());
  REQUIRE(wait_until([&] { return runs_in(site.printer()) == 1; }, 15s));
  std::string name = "J";
  name += std::to_string(ordinary.job);
  name += "-job-a-R0001.pdf";
  CHECK(kuvert::service::delivered_name(ordinary) == name);
  const fs::path delivered = site.printer() / name;
  REQUIRE(fs::exists(delivered));
  CHECK(read_file(delivered) == read_file(ordinary.file));
  CHECK(wait_until([&] { return find_run(store, ordinary.id)->state == RunState::delivered; }, 5s));

  // Four eyes: released by one supervisor, nothing moves until another confirms.
  act_on_run(store, sensitive.id, RunAction::release, {"bernd", Role::supervisor}, now());
  std::this_thread::sleep_for(1500ms);
  CHECK(runs_in(site.printer()) == 1);
  CHECK(find_run(store, sensitive.id)->state == RunState::released);
  act_on_run(store, sensitive.id, RunAction::confirm, {"clara", Role::supervisor}, now());
  REQUIRE(wait_until([&] { return runs_in(site.printer()) == 2; }, 15s));
  CHECK(wait_until([&] { return find_run(store, sensitive.id)->state == RunState::delivered; }, 5s));
  // Nothing half-written is left in the printer folder, nothing is sent twice.
  std::this_thread::sleep_for(1000ms);
  CHECK(runs_in(site.printer()) == 2);
  CHECK(files_in(site.printer(), true) == 2 * 3);  // each run file with its control files
  // A second service on the same store would deliver the same runs again.
  auto second = site.start();
  CHECK(second->wait(10s) == 3);
  CHECK(site.log().find("another kuvert serve uses this store already") != std::string::npos);
  CHECK(service->stop() == 0);
  CHECK(site.log().find("stopping on SIGTERM") != std::string::npos);
}

TEST_CASE("A run released while a long scan batch is read goes to its printer at once", "[service][slow]") {
  ServiceSite site;
  auto service = site.start();
  site.drop_job("steuer", "job-a");
  REQUIRE(wait_until([&] { return site.runs().size() == 1; }, 30s));
  // Ten pages to read: the service is busy for several seconds.
  kuvert::sample::SampleBatchOptions options;
  options.documents = 2;
  options.pages = 3;
  options.fonts = kuvert::test::source_dir() / "fonts";
  kuvert::sample::write_sample_batch(site.staging() / "stapel.pdf", options);
  fs::rename(site.staging() / "stapel.pdf", site.inbox_folder("post") / "stapel.pdf");
  REQUIRE(wait_until([&] { return site.inputs(InputState::taken).size() == 1; }, 30s));
  auto store = site.store();
  act_on_run(store, site.runs().front().id, RunAction::release, {"anna", Role::operator_}, now());
  // The command line cannot wake the service; its delivery poll (2 s) does.
  REQUIRE(wait_until([&] { return runs_in(site.printer()) == 1; }, 5s));
  CHECK(site.inputs(InputState::taken).size() == 1);  // the scan is still being read
  REQUIRE(wait_until([&] { return site.inputs(InputState::done).size() == 2; }, 120s));
}

TEST_CASE("A job written slowly is not taken early but a trigger file takes it at once", "[service][slow]") {
  ServiceSite site;
  auto service = site.start();
  // The spool first, then job.json in pieces a tenth of a second apart:
  // each piece changes the folder long before it could count as complete
  // (0.6 s unchanged).
  const fs::path staged = site.staging() / "slow";
  write_sample_job(staged, kuvert::test::plain_job(2, 1, "slow"));
  const std::string manifest = read_file(staged / "job.json");
  const fs::path folder = site.inbox_folder("steuer") / "slow";
  fs::create_directories(folder);
  fs::copy_file(staged / "spool.pdf", folder / "spool.pdf");
  const std::size_t pieces = 12;
  for (std::size_t i = 0; i < pieces; ++i) {
    std::ofstream(folder / "job.json", std::ios::app | std::ios::binary) << manifest.substr(
        i * manifest.size() / pieces, (i + 1) * manifest.size() / pieces - i * manifest.size() / pieces);
    std::this_thread::sleep_for(100ms);
    CHECK(fs::exists(folder / "job.json"));  // still in the inbox: not taken
  }
  REQUIRE(wait_until([&] { return site.inputs(InputState::done).size() == 1; }, 30s));
  CHECK(site.inputs(InputState::failed).empty());
  CHECK_FALSE(fs::exists(site.inbox_folder("steuer") / "error"));

  // The "sofort" inbox waits 20 s for stability: only the trigger takes it.
  site.drop_job("sofort", "triggered");
  std::this_thread::sleep_for(1000ms);
  CHECK(fs::exists(site.inbox_folder("sofort") / "triggered"));
  std::ofstream(site.inbox_folder("sofort") / "triggered.ready").flush();
  REQUIRE(wait_until([&] { return site.inputs(InputState::done).size() == 2; }, 15s));
  CHECK_FALSE(fs::exists(site.inbox_folder("sofort") / "triggered.ready"));
}

TEST_CASE("Duplicates and bad inputs end in error/ with their reason", "[service][slow]") {
  ServiceSite site;
  auto service = site.start();
  const fs::path inbox = site.inbox_folder("steuer");
  site.drop_job("steuer", "job-a");
  REQUIRE(wait_until([&] { return site.inputs(InputState::done).size() == 1; }, 30s));

  // The same job again under another name.
  write_sample_job(site.staging() / "job-a", kuvert::test::plain_job(2, 1, "job-a"));
  fs::rename(site.staging() / "job-a", inbox / "job-a-again");
  std::ofstream(site.staging() / "bad.json") << "{\"job\": ";
  fs::rename(site.staging() / "bad.json", inbox / "bad.json");
  std::ofstream(site.staging() / "letter.pdf") << "%PDF-1.7\n";
  fs::rename(site.staging() / "letter.pdf", inbox / "letter.pdf");
  const fs::path linked = site.staging() / "linked";
  write_sample_job(linked, kuvert::test::plain_job(2, 1, "linked"));
  fs::remove(linked / "spool.pdf");
  fs::create_symlink(site.config(), linked / "spool.pdf");
  fs::rename(linked, inbox / "linked");
  const fs::path piped = site.staging() / "piped";
  write_sample_job(piped, kuvert::test::plain_job(2, 1, "piped"));
  fs::remove(piped / "spool.pdf");
  REQUIRE(::mkfifo((piped / "spool.pdf").c_str(), 0600) == 0);
  fs::rename(piped, inbox / "piped");
  const fs::path other = site.drop_job("steuer", "other-client");
  {
    auto manifest = nlohmann::json::parse(std::ifstream(other / "job.json"));
    manifest["client"] = "nachbarstadt";
    std::ofstream(other / "job.json") << manifest.dump(2);
  }
  for (const char* name : {"job-a-again", "bad.json", "letter.pdf", "other-client", "linked", "piped"})
    REQUIRE(wait_until([&] { return fs::exists(inbox / "error" / (std::string(name) + ".error.txt")); }, 30s));
  CHECK(read_file(inbox / "error/job-a-again.error.txt").find("job-a-again: duplicate: identical (SHA-256 ") == 0);
  CHECK(read_file(inbox / "error/job-a-again.error.txt").find("to input 1 (steuer/job-a, received") !=
        std::string::npos);
  CHECK(fs::exists(inbox / "error/job-a-again/job.json"));
  CHECK(read_file(inbox / "error/bad.json.error.txt")
            .find("bad.json: job \"bad.json\": file \"bad.json\": is not valid JSON") == 0);
  CHECK(read_file(inbox / "error/bad.json") == "{\"job\": ");
  CHECK(read_file(inbox / "error/letter.pdf.error.txt") ==
        "letter.pdf: file \"letter.pdf\": a job inbox takes job folders (with job.json) or job manifests (.json)\n");
  CHECK(read_file(inbox / "error/other-client.error.txt") ==
        "other-client: job \"other-client\": field \"client\": the job is for client \"nachbarstadt\", but inbox "
        "\"steuer\" takes jobs of \"musterstadt\" only\n");
  CHECK(read_file(inbox / "error/linked.error.txt") ==
        "linked: contains a symbolic link (spool.pdf); inputs must be plain files and folders\n");
  CHECK(fs::is_symlink(inbox / "error/linked/spool.pdf"));  // kept as it came
  CHECK(read_file(inbox / "error/piped.error.txt") ==
        "piped: contains a pipe, device or socket (spool.pdf); inputs must be plain files and folders\n");
  CHECK(site.inputs(InputState::duplicate).size() == 1);
  CHECK(site.inputs(InputState::failed).size() == 5);
  CHECK(site.runs().size() == 1);

  // A scan inbox: an empty file is refused, a page is archived.
  std::ofstream(site.staging() / "leer.png").flush();
  fs::rename(site.staging() / "leer.png", site.inbox_folder("post") / "leer.png");
  kuvert::test::write_text_page(site.staging() / "brief.png");
  fs::rename(site.staging() / "brief.png", site.inbox_folder("post") / "brief.png");
  REQUIRE(wait_until([&] { return fs::exists(site.inbox_folder("post") / "error/leer.png.error.txt"); }, 30s));
  CHECK(read_file(site.inbox_folder("post") / "error/leer.png.error.txt") ==
        "leer.png: file \"leer.png\": is empty (0 bytes)\n");
  REQUIRE(wait_until([&] { return site.inputs(InputState::done).size() == 2; }, 60s));
  JobRecord scan;
  for (const auto& job : site.jobs())
    if (job.name == "brief.png") scan = job;
  CHECK(scan.kind == JobKind::scan);
  CHECK(scan.documents == 1);
  CHECK(fs::exists(fs::path(scan.output) / "summary.json"));
  // Archived as INBOX-INPUT-0001: unique in the store, whatever came in.
  const std::string document = "post-" + std::to_string(scan.input) + "-0001";
  CHECK(fs::exists(fs::path(scan.output) / (document + ".pdf")));
  CHECK(fs::exists(fs::path(scan.output) / (document + ".json")));
  // ... and handed over to the document management system, whole, as the
  // archive keeps it, nothing else in its folder (no temporary file left).
  const fs::path dms = site.config().parent_path() / "dms";
  std::set<std::string> handed;
  for (const auto& entry : fs::directory_iterator(dms)) handed.insert(entry.path().filename().string());
  CHECK(handed == std::set<std::string>{document + ".json", document + ".pdf"});
  for (const char* extension : {".pdf", ".json"})
    CHECK(read_file(dms / (document + extension)) == read_file(fs::path(scan.output) / (document + extension)));
  CHECK(site.log().find("1 document handed over to ") != std::string::npos);
}

TEST_CASE("A killed service finishes its work after a restart, none of it twice", "[service][slow]") {
  ServiceSite site;
  const std::size_t jobs = 12;
  {
    auto service = site.start();
    for (std::size_t i = 0; i < jobs; ++i) site.drop_job("steuer", "job-" + std::to_string(i), 40);
    // Killed as soon as work is under way: inputs taken, jobs half done.
    REQUIRE(wait_until([&] { return !site.inputs(InputState::taken).empty(); }, 30s));
    service->kill();
  }
  INFO(site.log());
  CHECK(site.inputs(InputState::done).size() < jobs);
  {
    auto service = site.start();
    REQUIRE(wait_until([&] { return site.inputs(InputState::done).size() == jobs; }, 90s));
    CHECK(service->stop() == 0);
  }
  kuvert::test::check_jobs_done_once(site, jobs);
  CHECK_FALSE(fs::exists(site.inbox_folder("steuer") / "error"));
}

TEST_CASE("Crash states left in the store are finished on restart", "[service][slow]") {
  ServiceSite site;
  std::int64_t run = 0;
  {
    auto service = site.start();
    site.drop_job("steuer", "first");
    REQUIRE(wait_until([&] { return site.runs().size() == 1; }, 30s));
    service->stop();
    run = site.runs().front().id;
  }
  auto store = site.store();
  // An input recorded and moved, but not yet marked taken.
  write_sample_job(site.staging() / "moved", kuvert::test::plain_job(2, 1, "moved"));
  const auto moved = begin_taking(store, "steuer", "moved", std::string(64, 'd'), "", now(), "test:1:1");
  const fs::path place = store.inputs_folder() / std::to_string(moved.id) / "moved";
  set_input_place(store, moved.id, place.string());
  fs::create_directories(place.parent_path());
  fs::rename(site.staging() / "moved", place);
  // An input recorded but never moved: it is still in the inbox.
  const fs::path waiting = site.drop_job("steuer", "waiting");
  const auto unmoved = begin_taking(store, "steuer", "waiting", std::string(64, 'e'), "", now(), "test:1:1");
  // A run whose copy to the printer broke off halfway.
  act_on_run(store, run, RunAction::release, {"anna", Role::operator_}, now());
  const auto released = *find_run(store, run);
  fs::create_directories(site.printer());
  const std::string pdf = read_file(released.file);
  const fs::path target = site.printer() / kuvert::service::delivered_name(released);
  std::ofstream(kuvert::service::partial_path(target)) << pdf.substr(0, pdf.size() / 2);
  begin_delivery(store, run);

  auto service = site.start();
  REQUIRE(wait_until([&] { return site.inputs(InputState::done).size() == 3; }, 30s));
  REQUIRE(wait_until([&] { return find_run(store, run)->state == RunState::delivered; }, 15s));
  CHECK(read_file(target) == pdf);
  CHECK(files_in(site.printer(), true) == 3);  // the half copy is gone: the run file and its control files
  CHECK_FALSE(find_input(store, unmoved.id));  // forgotten, then taken afresh
  CHECK_FALSE(fs::exists(waiting));
  CHECK(site.jobs().size() == 3);
  CHECK(site.runs().size() == 3);
}

TEST_CASE("A delivery whose file the printer already took is not repeated", "[service][slow]") {
  ServiceSite site;
  auto service = site.start();
  site.drop_job("steuer", "first");
  REQUIRE(wait_until([&] { return site.runs().size() == 1; }, 30s));
  service->stop();
  auto store = site.store();
  const auto run = site.runs().front().id;
  // Renamed into the printer folder and taken from it, then the crash.
  act_on_run(store, run, RunAction::release, {"anna", Role::operator_}, now());
  begin_delivery(store, run);
  service = site.start();
  REQUIRE(wait_until([&] { return find_run(store, run)->state == RunState::delivered; }, 15s));
  CHECK(files_in(site.printer(), true) == 0);
}

TEST_CASE("200 jobs dropped at once are all processed, none twice", "[service][slow]") {
  ServiceSite site;
  const std::size_t count = 200;
  for (std::size_t i = 0; i < count; ++i)
    write_sample_job(site.staging() / ("job-" + std::to_string(i)),
                     kuvert::test::plain_job(1, 1, "job-" + std::to_string(i)));
  for (std::size_t i = 0; i < count; ++i) {
    const std::string name = "job-" + std::to_string(i);
    fs::rename(site.staging() / name, site.inbox_folder("steuer") / name);
  }
  auto service = site.start();
  REQUIRE(wait_until([&] { return site.inputs(InputState::done).size() == count; }, 300s));
  CHECK(service->stop() == 0);
  std::set<std::string> names;
  for (const auto& job : site.jobs()) names.insert(job.name);
  CHECK(names.size() == count);
  CHECK(site.jobs().size() == count);
  CHECK(site.runs().size() == count);
  CHECK(fs::is_empty(site.inbox_folder("steuer")));
}

TEST_CASE("A print file nested 20,000 deep fails alone and the next job and a restart go on", "[service][slow]") {
  ServiceSite site;
  auto service = site.start();
  const fs::path staged = site.staging() / "deep";
  write_sample_job(staged, kuvert::test::plain_job(1, 1, "deep"));
  std::string nested;
  for (int i = 0; i < 20000; ++i) nested += "<</A ";
  for (int i = 0; i < 20000; ++i) nested += ">>";
  kuvert::test::write_file(
      staged / "spool.pdf",
      kuvert::test::classic_pdf({{1, "<< /Type /Catalog /Pages 2 0 R >>"},
                                 {2, "<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] >>"},
                                 {3, "<< /Type /Page /Parent 2 0 R /Deep " + nested + " >>"}}));
  fs::rename(staged, site.inbox_folder("steuer") / "deep");
  site.drop_job("steuer", "after");
  const fs::path reason = site.inbox_folder("steuer") / "error/deep.error.txt";
  REQUIRE(wait_until([&] { return fs::exists(reason); }, 30s));
  INFO(site.log());
  CHECK(read_file(reason).find("deep: job \"deep\": file \"spool.pdf\": field \"print_file\": has arrays or "
                               "dictionaries nested more than 100 deep (object at byte ") == 0);
  REQUIRE(wait_until([&] { return site.inputs(InputState::done).size() == 1; }, 30s));
  CHECK(service->stop() == 0);
  service = site.start();
  site.drop_job("steuer", "after-restart");
  REQUIRE(wait_until([&] { return site.inputs(InputState::done).size() == 2; }, 30s));
  CHECK(service->stop() == 0);
  CHECK(site.inputs(InputState::failed).size() == 1);
}

TEST_CASE("An inbox entry whose name holds a newline cannot forge a log line", "[service][slow]") {
  ServiceSite site;
  auto service = site.start();
  const std::string name = "evil\n2026-01-01T00:00:00Z kuvert: run 1 released by chef.json";
  std::ofstream(site.staging().parent_path() / "evil.json") << "{}";
  fs::rename(site.staging().parent_path() / "evil.json", site.inbox_folder("steuer") / name);
  REQUIRE(wait_until([&] { return fs::exists(site.inbox_folder("steuer") / "error" / (name + ".error.txt")); }, 30s));
  CHECK(service->stop() == 0);
  const std::string log = site.log();
  INFO(log);
  CHECK(log.find("evil\\n2026-01-01T00:00:00Z kuvert: run 1 released by chef.json") != std::string::npos);
  CHECK(log.find("\n2026-01-01T00:00:00Z kuvert: run 1") == std::string::npos);
}

TEST_CASE("Results files in a printer's results folder are applied once, and bad ones go to error/",
          "[service][slow]") {
  ServiceSite site;
  auto service = site.start();
  const auto run = delivered_run(site, "job-r", 3);
  auto store = site.store();
  const auto pieces = pieces_of_run(store, run.id);
  REQUIRE(pieces.size() == 3);
  const std::string inbox = "drucker-1.results";

  // Named after its run file: applied, gone from the folder, audited.
  const std::string good = "piece,status,station\n" + pieces[0].id + ",ok,1\n" + pieces[1].id + ",damaged,1\n";
  site.drop_results(delivered_stem(run) + ".results.csv", good);
  REQUIRE(wait_until([&] { return site.inputs(InputState::done, inbox).size() == 1; }, 15s));
  CHECK(status_of(store, pieces[0].id) == "ok");
  CHECK(status_of(store, pieces[1].id) == "damaged");
  CHECK(status_of(store, pieces[2].id) == "not set");
  CHECK_FALSE(fs::exists(site.results() / (delivered_stem(run) + ".results.csv")));
  CHECK(audit_count(store, "results applied") == 1);

  // The same file again: refused as a duplicate, nothing applied twice.
  site.drop_results(delivered_stem(run) + ".results.csv", good);
  REQUIRE(wait_until([&] { return site.inputs(InputState::duplicate, inbox).size() == 1; }, 15s));
  const fs::path error = site.results() / "error";
  CHECK(read_file(error / (delivered_stem(run) + ".results.csv.error.txt")).find("duplicate: identical") !=
        std::string::npos);

  // A file with a bad line and a foreign piece: nothing of it changes anything.
  site.drop_results("station-2.csv", "run,piece,status\n" + delivered_stem(run) + "," + pieces[2].id + ",ok\n" +
                                         delivered_stem(run) + "," + pieces[0].id + ",lost\n" + delivered_stem(run) +
                                         ",0000FFFF-R0001-000001,ok\n");
  // One that names no run, and a folder.
  site.drop_results("ergebnis.csv", "piece,status\n" + pieces[2].id + ",ok\n");
  fs::create_directories(site.staging() / "ordner");
  fs::rename(site.staging() / "ordner", site.results() / "ordner");
  REQUIRE(wait_until([&] { return site.inputs(InputState::failed, inbox).size() == 3; }, 15s));
  CHECK(status_of(store, pieces[2].id) == "not set");
  CHECK(status_of(store, pieces[0].id) == "ok");
  CHECK(
      read_file(error / "station-2.csv.error.txt") ==
      "station-2.csv: file \"station-2.csv\": record \"line 3\": field \"status\": \"lost\" is not one of ok, damaged, "
      "missing, pulled, duplicate, hand-mailed\n"
      "file \"station-2.csv\": record \"line 4\": field \"piece\": \"0000FFFF-R0001-000001\" is no piece kuvert "
      "made\n");
  CHECK(read_file(error / "ergebnis.csv.error.txt") ==
        "ergebnis.csv: file \"ergebnis.csv\": names no run: name the file after its run file "
        "(J12-grundsteuer-R0001.results.csv) or give a run column\n");
  CHECK(read_file(error / "ordner.error.txt") == "ordner: file \"ordner\": is a folder, not a results file\n");
  CHECK(fs::exists(error / "station-2.csv"));
  CHECK(audit_count(store, "results applied") == 1);
  CHECK(service->stop() == 0);
  CHECK(verify_audit(store).empty());
}

TEST_CASE("A service killed while it applies a results file applies it once after a restart", "[service][slow]") {
  ServiceSite site;
  const std::string inbox = "drucker-1.results";
  RunRecord run;
  std::vector<PieceRecord> pieces;
  {
    auto service = site.start();
    run = delivered_run(site, "job-k", 2);
    auto store = site.store();
    pieces = pieces_of_run(store, run.id);
    REQUIRE(pieces.size() == 2);
    // A long file of events (a station that reports every reading), the
    // last of each piece deciding: the apply takes long enough to be cut.
    std::string text = "piece,status\n";
    for (int i = 0; i < 150000; ++i) text += pieces[0].id + ",damaged\n" + pieces[1].id + ",ok\n";
    text += pieces[0].id + ",ok\n" + pieces[1].id + ",missing\n";
    site.drop_results(delivered_stem(run) + ".results.csv", text);
    REQUIRE(wait_until([&] { return !site.inputs(InputState::taken, inbox).empty(); }, 15s));
    service->kill();
  }
  auto store = site.store();
  INFO(site.log());
  CHECK(site.inputs(InputState::done, inbox).empty());  // killed before it was applied
  CHECK(status_of(store, pieces[0].id) == "not set");
  {
    auto service = site.start();
    REQUIRE(wait_until([&] { return site.inputs(InputState::done, inbox).size() == 1; }, 30s));
    CHECK(service->stop() == 0);
  }
  CHECK(status_of(store, pieces[0].id) == "ok");
  CHECK(status_of(store, pieces[1].id) == "missing");
  CHECK(audit_count(store, "results applied") == 1);
  CHECK(site.inputs(InputState::failed, inbox).empty());
  CHECK_FALSE(fs::exists(site.results() / "error"));
  CHECK(verify_audit(store).empty());
}

TEST_CASE("A reconciled run's failed pieces come back as a reprint run, and the run closes after it",
          "[service][slow]") {
  ServiceSite site("unreported = \"missing\"\nauto_reconcile = true\nmax_reprint_percent = 50\n");
  auto service = site.start();
  const auto run = delivered_run(site, "job-n", 4);
  auto store = site.store();
  const auto pieces = pieces_of_run(store, run.id);
  REQUIRE(pieces.size() == 4);
  // One damaged, one never seen (missing): half the run, as much as the printer allows.
  site.drop_results(delivered_stem(run) + ".results.csv",
                    "piece,status\n" + pieces[0].id + ",ok\n" + pieces[1].id + ",damaged\n" + pieces[2].id + ",ok\n");
  REQUIRE(wait_until([&] { return !reprints_of(store, run.id).empty(); }, 60s));
  INFO(site.log());
  CHECK(find_run(store, run.id)->state == RunState::reconciled);
  const auto reprint = reprints_of(store, run.id).front();
  CHECK(reprint.name == "N0001");
  CHECK(reprint.state == RunState::awaiting_release);
  CHECK(reprint.printer == run.printer);
  CHECK(reprint.pieces == 2);

  // Exactly the failed pieces' documents, under new ids; the ticket names what it replaces.
  const auto ticket = nlohmann::json::parse(read_file(fs::path(reprint.file).replace_extension(".json")));
  CHECK(ticket["reprint_of"] == nlohmann::json{{"run", run.name}, {"pieces", {pieces[1].id, pieces[3].id}}});
  const auto made = pieces_of_run(store, reprint.id);
  REQUIRE(made.size() == 2);
  CHECK(made[0].documents == pieces[1].documents);
  CHECK(made[1].documents == pieces[3].documents);
  CHECK(made[0].id == pieces[0].id.substr(0, 9) + "N0001-000001");
  // The same letters: each reprinted sheet reads as the original one.
  const auto original_pages = kuvert::test::page_texts(run.file);
  const auto reprinted_pages = kuvert::test::page_texts(reprint.file);
  REQUIRE(original_pages.size() == 2 * reprinted_pages.size());
  CHECK_FALSE(reprinted_pages.front().empty());
  const std::size_t per_piece = reprinted_pages.size() / 2;  // one sheet, one or two sides
  for (std::size_t page = 0; page < per_piece; ++page) {
    CHECK(reprinted_pages[page] == original_pages.at(1 * per_piece + page));
    CHECK(reprinted_pages[per_piece + page] == original_pages.at(3 * per_piece + page));
  }

  // The run closes only once its reprint is reconciled. Posted on a
  // Tuesday: notified on Saturday, moved to Monday.
  const Actor anna{"anna", Role::operator_};
  act_on_run(store, run.id, RunAction::mark_posted, anna, now(), {.posted_on = "2026-12-01"});
  CHECK_THROWS_WITH(act_on_run(store, run.id, RunAction::close, anna, now()),
                    Catch::Contains("its failed pieces are not yet reprinted and reconciled"));
  act_on_run(store, reprint.id, RunAction::release, anna, now());
  REQUIRE(wait_until([&] { return find_run(store, reprint.id)->state == RunState::delivered; }, 15s));
  CHECK(fs::exists(site.printer() / ("J" + std::to_string(run.job) + "-job-n-N0001.pdf")));
  site.drop_results(delivered_stem(*find_run(store, reprint.id)) + ".results.csv",
                    "piece,status\n" + made[0].id + ",ok\n" + made[1].id + ",ok\n");
  REQUIRE(wait_until([&] { return find_run(store, reprint.id)->state == RunState::reconciled; }, 15s));
  // The reprint two days before Christmas: the 27th is a Sunday, the 28th
  // the next working day.
  act_on_run(store, reprint.id, RunAction::mark_posted, anna, now(), {.posted_on = "2026-12-23"});
  CHECK(act_on_run(store, run.id, RunAction::close, anna, now()).state == RunState::closed);
  CHECK(audit_count(store, "reprint made") == 1);
  CHECK(reprints_of(store, reprint.id).empty());  // nothing of it failed
  // The posting list of the first day: the run's two pieces that went out.
  const fs::path lists = site.staging() / "listen";
  const auto listed = kuvert::test::run_process(
      {KUVERT_BINARY, "posting", "list", "--date", "2026-12-01", "-o", lists.string(), "-c", site.config().string()});
  INFO(listed.err);
  REQUIRE(listed.exit_code == 0);
  CHECK(listed.out.find("musterstadt: 2 pieces posted on 2026-12-01") != std::string::npos);
  const auto rows = kuvert::test::read_csv(read_file(lists / "posting-list-2026-12-01-musterstadt.csv"));
  std::int64_t listed_pieces = 0;
  for (const auto& row : rows) listed_pieces += std::stoll(row.at("pieces"));
  CHECK(listed_pieces == 2);
  const auto sheet = kuvert::test::page_texts(lists / "posting-list-2026-12-01-musterstadt.pdf");
  REQUIRE(sheet.size() == 1);
  CHECK(sheet[0].find("Einlieferungsliste") != std::string::npos);
  CHECK(sheet[0].find("Einlieferungstag: 01.12.2026") != std::string::npos);
  CHECK(sheet[0].find(rows.at(0).at("product")) != std::string::npos);
  CHECK(sheet[0].find("Summe") != std::string::npos);
  CHECK(kuvert::test::run_process({KUVERT_BINARY, "posting", "list", "--date", "2026-12-02", "-o", lists.string(), "-c",
                                   site.config().string()})
            .out == "nothing was posted on 2026-12-02\n");
  CHECK(kuvert::test::run_process({KUVERT_BINARY, "posting", "list", "--date", "gestern", "-c", site.config().string()})
            .err == "kuvert: option --date: expected a day YYYY-MM-DD, got \"gestern\"\n");

  // The month's accounts for the client: the run as its ticket counts it,
  // the reprint apart.
  const std::string month = kuvert::CentreTime("Europe/Berlin").day_of(now()).date.substr(0, 7);
  const fs::path accounts_csv = site.staging() / "konten.csv";
  const auto reported = kuvert::test::run_process({KUVERT_BINARY, "report", "clients", "--month", month, "-o",
                                                   accounts_csv.string(), "-c", site.config().string()});
  INFO(reported.err);
  REQUIRE(reported.exit_code == 0);
  CHECK(reported.out.find("musterstadt") != std::string::npos);
  const auto accounts = kuvert::test::read_csv(read_file(accounts_csv));
  REQUIRE(accounts.size() == 1);
  const auto run_ticket = nlohmann::json::parse(read_file(fs::path(run.file).replace_extension(".json")));
  CHECK(accounts[0].at("pieces") == std::to_string(run_ticket["counts"]["pieces"].get<std::int64_t>()));
  CHECK(accounts[0].at("sheets") == std::to_string(run_ticket["counts"]["sheets"].get<std::int64_t>()));
  CHECK(accounts[0].at("postage_cents") == std::to_string(run_ticket["postage"]["total_cents"].get<std::int64_t>()));
  CHECK(accounts[0].at("reprinted_pieces") == "2");
  CHECK(accounts[0].at("reprinted_sheets") == std::to_string(made[0].sheets + made[1].sheets));
  CHECK(kuvert::test::run_process(
            {KUVERT_BINARY, "report", "clients", "--month", "November", "-c", site.config().string()})
            .err == "kuvert: option --month: expected a month YYYY-MM, got \"November\"\n");

  // Not returned while a run of the job is open.
  std::this_thread::sleep_for(1000ms);
  const fs::path returned = site.return_folder() / ("J" + std::to_string(run.job) + "-job-n.posting.jsonl");
  CHECK_FALSE(fs::exists(returned));
  CHECK(act_on_run(store, reprint.id, RunAction::close, anna, now()).state == RunState::closed);

  // Every document once: its final piece, posting and notification dates.
  REQUIRE(wait_until([&] { return fs::exists(returned); }, 15s));
  std::map<std::string, nlohmann::json> by_document;
  std::size_t lines = 0;
  std::istringstream in(read_file(returned));
  for (std::string line; std::getline(in, line); ++lines) {
    const auto record = nlohmann::json::parse(line);
    by_document[record["document"]] = record;
  }
  CHECK(lines == 4);
  REQUIRE(by_document.size() == 4);
  for (std::size_t i = 0; i < 4; ++i) {
    const auto& record = by_document.at(pieces[i].documents);
    const bool reprinted = i == 1 || i == 3;
    INFO(record.dump());
    CHECK(record["piece"] == (reprinted ? made[i == 1 ? 0 : 1].id : pieces[i].id));
    CHECK(record["run"] == (reprinted ? "N0001" : "R0001"));
    CHECK(record["handling"] == "posted");
    CHECK(record["posted_on"] == (reprinted ? "2026-12-23" : "2026-12-01"));
    CHECK(record["notified_on"] == (reprinted ? "2026-12-28" : "2026-12-07"));
  }
  const auto csv = kuvert::test::read_csv(read_file(fs::path(returned).replace_extension(".csv")));
  CHECK(csv.size() == 4);
  CHECK(audit_count(store, "posting records returned") == 1);
  // Taken away by the application: never written again, a restart included.
  fs::remove(returned);
  CHECK(service->stop() == 0);
  service = site.start();
  std::this_thread::sleep_for(1500ms);
  CHECK_FALSE(fs::exists(returned));
  CHECK(audit_count(store, "posting records returned") == 1);
  CHECK(service->stop() == 0);
}

TEST_CASE(
    "A printer that asks for them gets a banner sheet before each run and its ticket as a PDF, again when the "
    "run is delivered again",
    "[service][slow]") {
  ServiceSite site("banner = true\nticket = true\n");
  auto service = site.start();
  const auto run = delivered_run(site, "job-banner", 4, "pitney-bowes");
  const fs::path delivered = site.printer() / (delivered_stem(run) + ".pdf");
  const fs::path ticket = site.printer() / (delivered_stem(run) + ".ticket.pdf");
  const std::string number = kuvert::concat("J", std::to_string(run.job), "-", run.name);
  REQUIRE(fs::exists(ticket));
  const std::size_t banner_pages = run.sides == "simplex" ? 1 : 2;
  auto texts = kuvert::test::page_texts(delivered);
  REQUIRE(texts.size() == static_cast<std::size_t>(run.pages) + banner_pages);
  CHECK(texts[0].find("BANNERBLATT") != std::string::npos);
  CHECK(texts[0].find(number) != std::string::npos);
  CHECK(texts[0].find("job-banner") != std::string::npos);
  CHECK(texts[0].find("Der Kuvertierer steuert dieses Blatt aus.") != std::string::npos);
  const auto ticket_text = kuvert::test::page_texts(ticket);
  REQUIRE(ticket_text.size() == 1);
  CHECK(ticket_text[0].find("Laufzettel " + number) != std::string::npos);
  CHECK(ticket_text[0].find(delivered.filename().string()) != std::string::npos);
  // The sheets control file has the banner's record first, to divert, so
  // that record n is still sheet n of the printer's file.
  const std::string sheets = read_file(site.printer() / (delivered_stem(run) + ".sheets.txt"));
  const std::string run_sheets = read_file(fs::path(run.file).replace_extension(".sheets.txt"));
  const auto run_ticket = nlohmann::json::parse(read_file(fs::path(run.file).replace_extension(".json")));
  const std::string banner_id = run_ticket["job_key"].get<std::string>() + "-" + run.name;
  REQUIRE(sheets.size() == run_sheets.size() + 65);  // one fixed-width record of 63 and CRLF
  CHECK(sheets.substr(0, 65) ==
        banner_id + std::string(32 - banner_id.size(), ' ') + "001001" + std::string(24, ' ') + "Y\r\n");
  CHECK(sheets.substr(65) == run_sheets);

  // The inserter takes the printer's file as it is: every piece inserted,
  // the banner diverted; its results file closes the loop.
  fs::create_directories(site.staging());
  const fs::path results = site.staging() / "simulated.csv";
  const auto simulated =
      kuvert::test::run_process({KUVERT_INSERTER_SIM, delivered.string(), "--profile", "pitney-bowes", "--layouts",
                                 (kuvert::test::source_dir() / "layouts").string(), "-o", results.string()});
  INFO(simulated.err);
  REQUIRE(simulated.exit_code == 0);
  site.drop_results(delivered_stem(run) + ".results.csv", read_file(results));
  auto store = site.store();
  REQUIRE(wait_until([&] { return site.inputs(InputState::done, "drucker-1.results").size() == 1; }, 15s));
  const auto pieces = pieces_of_run(store, run.id);
  REQUIRE(pieces.size() == 4);
  for (const auto& piece : pieces) CHECK(status_of(store, piece.id) == "ok");

  // The printer lost it: the same files again, banner and ticket included.
  fs::remove(delivered);
  fs::remove(ticket);
  act_on_run(store, run.id, RunAction::redeliver, {"anna", Role::operator_}, now(), {.reason = "Spooler"});
  REQUIRE(wait_until([&] { return fs::exists(delivered) && fs::exists(ticket); }, 15s));
  texts = kuvert::test::page_texts(delivered);
  CHECK(texts.size() == static_cast<std::size_t>(run.pages) + banner_pages);
  CHECK(texts[0].find(number) != std::string::npos);
  CHECK(service->stop() == 0);
}

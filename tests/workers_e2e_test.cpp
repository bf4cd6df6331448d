// Several workers on one PostgreSQL store (issue 18): kuvert serve and
// kuvert worker as child processes sharing the store and its file area, as
// hosts of a centre do.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "pipeline/model/concat.hpp"
#include "pipeline/service/worker_heartbeat.hpp"
#include "pipeline/store/job_records.hpp"
#include "pipeline/store/user_accounts.hpp"
#include "pipeline/store/work_claims.hpp"
#include "tests/support/file_text.hpp"
#include "tests/support/kuvert_job.hpp"
#include "tests/support/postgres_scratch.hpp"
#include "tests/support/process.hpp"
#include "tests/support/service_process.hpp"
#include "tests/support/service_site.hpp"
#include "tools/sample_job/sample_job.hpp"
#include "tools/sample_scan/sample_batch.hpp"

using namespace kuvert::store;
using namespace std::chrono_literals;
namespace fs = std::filesystem;
using kuvert::test::PostgresScratch;
using kuvert::test::ServiceProcess;
using kuvert::test::ServiceSite;
using kuvert::test::wait_until;

namespace {

const std::vector<std::string> kLogs{"serve.log", "worker-1.log", "worker-2.log"};

// The three processes of a site: the service watching the inboxes and two workers.
struct ThreeWorkers {
  std::vector<std::unique_ptr<ServiceProcess>> processes;
  explicit ThreeWorkers(const ServiceSite& site) {
    processes.push_back(site.start("serve", kLogs[0]));
    processes.push_back(site.start("worker", kLogs[1]));
    processes.push_back(site.start("worker", kLogs[2]));
  }
};

// How often each job was reported done, by its number, over the logs.
std::map<std::string, int> jobs_done(const ServiceSite& site) {
  std::map<std::string, int> done;
  const std::regex line(R"(job (J\d+) "[^"]*" done)");
  for (const auto& name : kLogs) {
    const std::string log = site.log(name);
    for (std::sregex_iterator it(log.begin(), log.end(), line), end; it != end; ++it) ++done[(*it)[1]];
  }
  return done;
}

std::size_t lines_with(const std::string& log, const std::string& text) {
  std::size_t count = 0;
  for (std::size_t at = log.find(text); at != std::string::npos; at = log.find(text, at + 1)) ++count;
  return count;
}

// Whether a line of `log` holds both texts.
bool line_with(const std::string& log, const std::string& first, const std::string& then) {
  std::istringstream lines(log);
  for (std::string line; std::getline(lines, line);)
    if (const auto at = line.find(first); at != std::string::npos && line.find(then, at) != std::string::npos)
      return true;
  return false;
}

// Waits for a live process to be at work on what `wanted` accepts (the
// workers table's `doing`, "input 7 (post/stapel.pdf): part 2"), as the
// workers table says, and kills it (SIGKILL, as a power cut would).
// Returns which, and its work.
std::pair<std::size_t, std::string> kill_one_doing(const ServiceSite& site, ThreeWorkers& workers,
                                                   const std::function<bool(std::size_t, const std::string&)>& wanted) {
  std::pair<std::size_t, std::string> found;
  const bool caught = wait_until(
      [&] {
        auto store = site.store();
        for (const auto& worker : list_workers(store))
          for (std::size_t i = 0; i < workers.processes.size(); ++i)
            if (worker.alive && worker.pid == workers.processes[i]->pid() && wanted(i, worker.doing)) {
              found = {i, worker.doing};
              return true;
            }
        return false;
      },
      60s);
  if (!caught) FAIL("no worker at the work wanted\n" << site.log(kLogs[0]));
  workers.processes[found.first]->kill();
  return found;
}

// The same for a process from `first` on at work on an input of the inbox
// `inbox_part` names ("(steuer/").
std::pair<std::size_t, std::string> kill_one_at_work(const ServiceSite& site, ThreeWorkers& workers, std::size_t first,
                                                     const std::string& inbox_part) {
  return kill_one_doing(site, workers, [&](std::size_t i, const std::string& doing) {
    return i >= first && doing.starts_with("input ") && doing.find(inbox_part) != std::string::npos;
  });
}

// Every job done, once, and its input's entry gone from the inbox.
void check_each_job_once(const ServiceSite& site, std::size_t count) {
  kuvert::test::check_jobs_done_once(site, count);
  const auto done = jobs_done(site);
  CHECK(done.size() == count);
  for (const auto& [job, times] : done) {
    INFO(job);
    CHECK(times == 1);
  }
}

}  // namespace

TEST_CASE("Three workers on one PostgreSQL store produce 200 jobs dropped at once, each once",
          "[service][slow][postgres]") {
  const PostgresScratch database;
  const ServiceSite site({}, database.url());
  const std::size_t count = 200;
  for (std::size_t i = 0; i < count; ++i)
    write_sample_job(site.staging() / ("job-" + std::to_string(i)),
                     kuvert::test::plain_job(1, 1, "job-" + std::to_string(i)));
  ThreeWorkers workers(site);
  for (std::size_t i = 0; i < count; ++i) {
    const std::string name = "job-" + std::to_string(i);
    fs::rename(site.staging() / name, site.inbox_folder("steuer") / name);
  }
  REQUIRE(wait_until([&] { return site.inputs(InputState::done).size() == count; }, 300s));
  {
    auto store = site.store();
    CHECK(list_workers(store).size() == 3);
  }
  for (auto& process : workers.processes) CHECK(process->stop() == 0);
  INFO(site.log(kLogs[0]) + site.log(kLogs[1]) + site.log(kLogs[2]));
  check_each_job_once(site, count);
  CHECK(fs::is_empty(site.inbox_folder("steuer")));
  // The work was shared: the workers took jobs the service had taken in.
  CHECK(lines_with(site.log(kLogs[1]) + site.log(kLogs[2]), "\" done, ") > 0);
  // Stopped workers leave the store (their units free at once).
  auto store = site.store();
  CHECK(list_workers(store).empty());
}

TEST_CASE("A worker killed mid-job loses the job to another worker, which finishes it once",
          "[service][slow][postgres]") {
  const PostgresScratch database;
  const ServiceSite site({}, database.url(), 3);
  const std::size_t count = 8;
  ThreeWorkers workers(site);
  // Jobs of a few seconds each: a worker is caught at work.
  for (std::size_t i = 0; i < count; ++i) site.drop_job("steuer", "job-" + std::to_string(i), 400);
  // A worker (not the service) at work on a job: killed as a power cut would.
  const auto [killed, doing] = kill_one_at_work(site, workers, 1, "(steuer/");
  const std::string input = doing.substr(0, doing.find(' ', 6));  // "input 7"
  INFO("killed " << kLogs[killed] << " at work on " << doing);
  REQUIRE(wait_until([&] { return site.inputs(InputState::done).size() == count; }, 180s));
  for (std::size_t i = 0; i < workers.processes.size(); ++i)
    if (i != killed) CHECK(workers.processes[i]->stop() == 0);
  INFO(site.log(kLogs[0]) + site.log(kLogs[1]) + site.log(kLogs[2]));
  check_each_job_once(site, count);
  // Finished once: by another worker, unless the killed one finished it
  // just before it was killed (the workers table says what a worker does
  // at its last heartbeat).
  std::size_t finished = 0;
  for (const auto& name : kLogs) finished += line_with(site.log(name), input + " (steuer/", "\" done, ") ? 1 : 0;
  CHECK(finished == 1);
}

TEST_CASE("A run released in one host's console is delivered by the host that has its printer",
          "[service][slow][postgres]") {
  const PostgresScratch database;
  const ServiceSite site({}, database.url(), 5);
  {
    auto serve = site.start();
    site.drop_job("steuer", "grundsteuer", 2);
    REQUIRE(wait_until([&] { return site.runs().size() == 1; }, 60s));
    CHECK(serve->stop() == 0);
  }
  {
    auto store = site.store();
    add_user(store, "anna", Role::operator_, "anna's long password", kuvert::test::now(), "test");
  }
  // The console's host has a printer of its own, not the run's.
  std::string other = kuvert::test::read_file(site.config());
  const std::string printer = "name = \"drucker-1\"\nfolder = \"drucker\"\nresults = \"drucker-ergebnisse\"";
  REQUIRE(other.find(printer) != std::string::npos);
  other.replace(other.find(printer), printer.size(),
                "name = \"drucker-a\"\nfolder = \"drucker-a\"\nresults = \"drucker-a-ergebnisse\"");
  const fs::path folder = site.config().parent_path();
  std::ofstream(folder / "kuvert-a.toml") << other;
  ServiceProcess console_host(folder / "kuvert-a.toml", folder / "host-a.log", "serve");
  auto printer_host = site.start("worker", "host-b.log");

  std::smatch port;
  const std::regex console_line(R"(console on http://127\.0\.0\.1:(\d+)/)");
  std::string log_a;
  REQUIRE(wait_until(
      [&] {
        log_a = console_host.log();
        return std::regex_search(log_a, port, console_line);
      },
      30s));
  httplib::Client client("127.0.0.1", std::stoi(port[1]));
  const nlohmann::json login{{"user", "anna"}, {"password", "anna's long password"}};
  const auto session = client.Post("/api/login", login.dump(), "application/json");
  REQUIRE(session);
  REQUIRE(session->status == 200);
  const std::string cookie = session->get_header_value("Set-Cookie");
  const httplib::Headers headers{{"Cookie", cookie.substr(0, cookie.find(';'))},
                                 {"X-CSRF-Token", nlohmann::json::parse(session->body)["csrf"]}};
  // Its overview shows both hosts' processes at work on the store.
  const auto overview = client.Get("/api/overview", headers);
  REQUIRE(overview);
  REQUIRE(overview->status == 200);
  const auto shown = nlohmann::json::parse(overview->body)["workers"];
  REQUIRE(shown.size() == 2);
  std::set<std::pair<std::string, std::int64_t>> kinds;
  for (const auto& worker : shown) {
    CHECK(worker["alive"] == true);
    CHECK(worker["host"] == kuvert::service::host_name());
    kinds.insert({worker["kind"].get<std::string>(), worker["pid"].get<std::int64_t>()});
  }
  CHECK(kinds ==
        std::set<std::pair<std::string, std::int64_t>>{{"serve", console_host.pid()}, {"worker", printer_host->pid()}});
  const auto run = site.runs().front();
  const auto released =
      client.Post(("/api/runs/" + std::to_string(run.id) + "/release").c_str(), headers, "", "application/json");
  REQUIRE(released);
  CHECK(released->status == 200);

  if (!wait_until([&] { return !site.runs(RunState::delivered).empty(); }, 30s))
    FAIL("not delivered\n" << console_host.log() << "---\n" << printer_host->log());
  CHECK(fs::exists(site.printer() / kuvert::concat("J", std::to_string(run.job), "-grundsteuer-R0001.pdf")));
  CHECK(lines_with(printer_host->log(), "): delivered to drucker-1 as ") == 1);
  CHECK(lines_with(console_host.log(), "): delivered to ") == 0);
  CHECK(console_host.stop() == 0);
  CHECK(printer_host->stop() == 0);
}

TEST_CASE("A process killed mid-scan loses the batch to another worker, which archives it once",
          "[service][slow][postgres]") {
  const PostgresScratch database;
  const ServiceSite site({}, database.url(), 3);
  kuvert::sample::SampleBatchOptions options;
  options.documents = 2;
  options.pages = 3;
  options.fonts = kuvert::test::source_dir() / "fonts";
  fs::create_directories(site.staging());
  kuvert::sample::write_sample_batch(site.staging() / "stapel.pdf", options);
  ThreeWorkers workers(site);
  fs::rename(site.staging() / "stapel.pdf", site.inbox_folder("post") / "stapel.pdf");
  // Whoever reads it (the service too is a worker) is killed.
  const auto [killed, doing] = kill_one_at_work(site, workers, 0, "(post/");
  INFO("killed " << kLogs[killed] << " at work on " << doing);
  REQUIRE(wait_until([&] { return site.inputs(InputState::done).size() == 1; }, 180s));
  for (std::size_t i = 0; i < workers.processes.size(); ++i)
    if (i != killed) CHECK(workers.processes[i]->stop() == 0);
  const auto jobs = site.jobs();
  REQUIRE(jobs.size() == 1);
  CHECK(jobs[0].kind == JobKind::scan);
  CHECK(jobs[0].state == JobState::done);
  CHECK(jobs[0].documents == 2);
  // A batch takes seconds: the killed worker cannot have finished it.
  CHECK_FALSE(line_with(site.log(kLogs[killed]), "(post/", " archived in "));
  std::size_t archived = 0;
  for (const auto& name : kLogs) archived += line_with(site.log(name), "(post/", " archived in ") ? 1 : 0;
  CHECK(archived == 1);
}

TEST_CASE("A scan batch read in parts by three workers is archived as by one worker though two are killed",
          "[service][slow][postgres]") {
  const PostgresScratch database;
  const ServiceSite site({}, database.url(), 3, "scan_part_pages = 2\n");
  kuvert::sample::SampleBatchOptions options;
  options.documents = 4;
  options.pages = 2;
  options.fonts = kuvert::test::source_dir() / "fonts";
  fs::create_directories(site.staging());
  kuvert::sample::write_sample_batch(site.staging() / "stapel.pdf", options);
  ThreeWorkers workers(site);
  fs::rename(site.staging() / "stapel.pdf", site.inbox_folder("post") / "stapel.pdf");
  // Whoever reads a part for the batch's worker is killed, then the
  // batch's worker: the last one left takes the batch over with the parts
  // read, reads the rest and assembles it.
  const auto [killed, doing] = kill_one_at_work(site, workers, 0, "): part ");
  INFO("killed " << kLogs[killed] << " at work on " << doing);
  const auto [holder, holding] =
      kill_one_doing(site, workers, [killed = killed](std::size_t i, const std::string& what) {
        return i != killed && what.starts_with("input ") && what.find("): part ") == std::string::npos;
      });
  INFO("then " << kLogs[holder] << " at work on " << holding);
  REQUIRE(wait_until([&] { return site.inputs(InputState::done).size() == 1; }, 240s));
  for (std::size_t i = 0; i < workers.processes.size(); ++i)
    if (i != killed && i != holder) CHECK(workers.processes[i]->stop() == 0);
  const auto jobs = site.jobs();
  REQUIRE(jobs.size() == 1);
  CHECK(jobs[0].state == JobState::done);
  CHECK(jobs[0].documents == 4);
  CHECK_FALSE(line_with(site.log(kLogs[holder]), "(post/", " archived in "));
  // A worker other than the batch's own was reading a part when it was
  // killed; that part was read by another, once. No part is left.
  std::size_t read_again = 0;
  for (std::size_t i = 0; i < kLogs.size(); ++i)
    read_again += lines_with(site.log(kLogs[i]), doing + " read\n") * (i == killed ? 100 : 1);
  CHECK(read_again == 1);
  CHECK(lines_with(site.log(kLogs[3 - killed - holder]), "(post/stapel.pdf): read in ") >= 1);
  CHECK_FALSE(fs::exists(jobs[0].output + ".parts"));
  {
    auto store = site.store();
    Statement parts(store.db(), "SELECT count(*) FROM scan_parts");
    CHECK(parts.first([](Statement& row) { return row.integer(0); }) == 0);
  }

  // One worker's `kuvert scan` of the same input, named and dated alike,
  // archives the same documents: every index record (its PDF's checksum
  // with it), and the summary, byte for byte.
  const fs::path output = jobs[0].output;
  const auto summary = nlohmann::json::parse(kuvert::test::read_file(output / "summary.json"));
  const auto input = site.inputs(InputState::done).front();
  REQUIRE(fs::exists(input.place));
  const fs::path alone = site.staging() / "alone";
  const auto scanned = kuvert::test::run_process({KUVERT_BINARY, "scan", input.place, "-o", alone.string(), "--name",
                                                  summary["batch"].get<std::string>(), "--created",
                                                  summary["created"].get<std::string>(), "--layouts",
                                                  (kuvert::test::source_dir() / "layouts").string()});
  INFO(scanned.out + scanned.err);
  REQUIRE(scanned.exit_code == 0);
  CHECK(kuvert::test::read_file(alone / "summary.json") == kuvert::test::read_file(output / "summary.json"));
  REQUIRE(summary["documents"].size() == 4);
  for (const auto& document : summary["documents"]) {
    const std::string index = document["index"];
    INFO(index);
    CHECK(kuvert::test::read_file(alone / index) == kuvert::test::read_file(output / index));
    const std::string pdf = document["file"];
    CHECK(kuvert::test::run_process({"pdftotext", (alone / pdf).string(), "-"}).out ==
          kuvert::test::run_process({"pdftotext", (output / pdf).string(), "-"}).out);
  }
}

TEST_CASE("kuvert worker is refused for a SQLite store, which is one machine's", "[service]") {
  const ServiceSite site;
  const auto refused = kuvert::test::run_process({KUVERT_BINARY, "worker", "-c", site.config().string()});
  CHECK(refused.exit_code != 0);
  CHECK(refused.err.find("field \"store.url\": kuvert worker adds capacity to a store in PostgreSQL") !=
        std::string::npos);
}

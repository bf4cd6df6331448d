#include "tests/support/service_site.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "pipeline/service/run_delivery.hpp"
#include "pipeline/store/audit_trail.hpp"
#include "pipeline/store/piece_records.hpp"
#include "pipeline/store/run_workflow.hpp"
#include "tests/support/file_text.hpp"
#include "tests/support/kuvert_job.hpp"
#include "tools/sample_job/sample_job.hpp"

namespace kuvert::test {

namespace fs = std::filesystem;
using namespace kuvert::store;
using namespace std::chrono_literals;

ServiceSite::ServiceSite(const std::string& printer_settings, const std::string& store_url, int lease_seconds,
                         const std::string& store_settings)
    : store_url_(store_url) {
  std::ofstream(config()) << "[store]\nfolder = \"store\"\nlease_seconds = " << lease_seconds << "\n"
                          << (store_url.empty() ? "" : "url = \"" + store_url + "\"\n") << store_settings
                          << "[console]\nlisten = \"127.0.0.1:0\"\n"
                          << "[production]\nlayouts = \"" << (source_dir() / "layouts").string() << "\"\nfonts = \""
                          << (source_dir() / "fonts").string() << "\"\n"
                          << R"(
[[printer]]
name = "drucker-1"
folder = "drucker"
results = "drucker-ergebnisse"
poll_seconds = 0.2
)" << printer_settings << R"(
[[inbox]]
name = "steuer"
folder = "eingang/steuer"
kind = "job"
client = "musterstadt"
poll_seconds = 0.2
stable_checks = 3
return = "rueckgabe"
[[inbox]]
name = "sofort"
folder = "eingang/sofort"
kind = "job"
client = "musterstadt"
poll_seconds = 0.2
stable_checks = 100
[[inbox]]
name = "post"
folder = "eingang/post"
kind = "scan"
client = "musterstadt"
handover = "dms"
poll_seconds = 0.2
stable_checks = 2
[[inbox]]
name = "bezuege"
folder = "eingang/bezuege"
kind = "printfile"
split = "nachbarstadt-bezuege"
client = "nachbarstadt"
poll_seconds = 0.2
stable_checks = 2
)";
  for (const char* inbox : {"steuer", "sofort", "post", "bezuege"}) fs::create_directories(inbox_folder(inbox));
}

std::unique_ptr<ServiceProcess> ServiceSite::start(const std::string& command, const std::string& log_name) const {
  return std::make_unique<ServiceProcess>(config(), temp_.path() / log_name, command);
}

std::string ServiceSite::log(const std::string& log_name) const { return read_file(temp_.path() / log_name); }

fs::path ServiceSite::drop_job(const std::string& inbox, const std::string& name, std::size_t documents, bool sensitive,
                               const std::string& inserter) const {
  const fs::path staged = staging() / name;
  write_sample_job(staged, plain_job(documents, 1, name));
  if (sensitive || !inserter.empty()) {
    auto manifest = nlohmann::json::parse(std::ifstream(staged / "job.json"));
    if (sensitive) manifest["defaults"]["sensitive"] = true;
    if (!inserter.empty()) manifest["defaults"]["inserter"] = inserter;
    std::ofstream(staged / "job.json") << manifest.dump(2);
  }
  const fs::path target = inbox_folder(inbox) / name;
  fs::rename(staged, target);
  return target;
}

void ServiceSite::drop_file(const std::string& inbox, const fs::path& file, const std::string& name) const {
  fs::create_directories(staging());
  fs::copy_file(file, staging() / name, fs::copy_options::overwrite_existing);
  fs::rename(staging() / name, inbox_folder(inbox) / name);
}

void ServiceSite::drop_results(const std::string& name, const std::string& text) const {
  fs::create_directories(staging());
  std::ofstream(staging() / name, std::ios::binary) << text;
  fs::rename(staging() / name, results() / name);
}

std::vector<InputRecord> ServiceSite::inputs(InputState state, const std::string& inbox) const {
  auto s = store();
  auto inputs = inputs_in_state(s, state);
  std::erase_if(inputs, [&](const InputRecord& input) { return !inbox.empty() && input.inbox != inbox; });
  return inputs;
}

std::vector<RunRecord> ServiceSite::runs(std::optional<RunState> state) const {
  auto s = store();
  return list_runs(s, state);
}

std::vector<JobRecord> ServiceSite::jobs() const {
  auto s = store();
  return list_jobs(s);
}

std::int64_t now() { return std::time(nullptr); }

RunRecord delivered_run(const ServiceSite& site, const std::string& name, std::size_t documents,
                        const std::string& inserter) {
  const auto before = site.runs().size();
  site.drop_job("steuer", name, documents, false, inserter);
  REQUIRE(wait_until([&] { return site.runs().size() == before + 1; }, 60s));
  auto store = site.store();
  auto run = site.runs().front();  // the newest first
  act_on_run(store, run.id, RunAction::release, {"anna", Role::operator_}, now());
  REQUIRE(wait_until([&] { return find_run(store, run.id)->state == RunState::delivered; }, 15s));
  return *find_run(store, run.id);
}

std::string status_of(Store& store, const std::string& piece) {
  const auto found = find_piece(store, piece);
  return found && found->status ? std::string(kuvert::name(*found->status)) : std::string("not set");
}

std::string delivered_stem(const RunRecord& run) {
  const std::string name = service::delivered_name(run);
  return name.substr(0, name.size() - 4);
}

std::size_t audit_count(Store& store, const std::string& action) {
  AuditFilter filter;
  filter.action = action;
  return read_audit(store, filter).size();
}

void check_jobs_done_once(const ServiceSite& site, std::size_t count) {
  std::set<std::string> names;
  for (const auto& job : site.jobs()) {
    CHECK(job.state == JobState::done);
    names.insert(job.name);
  }
  CHECK(names.size() == count);
  CHECK(site.jobs().size() == count);
  CHECK(site.runs().size() == count);
  CHECK(site.inputs(InputState::failed).empty());
  CHECK(site.inputs(InputState::duplicate).empty());
  for (const auto& entry : fs::directory_iterator(site.store().jobs_folder()))
    CHECK(entry.path().filename().string().rfind("input-", 0) == 0);
}

}  // namespace kuvert::test

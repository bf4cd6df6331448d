#include "pipeline/service/scan_part_work.hpp"

#include <chrono>
#include <cstdio>
#include <thread>

#include "pipeline/driver/scan_parts.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/service/child_production.hpp"
#include "pipeline/store/scan_part_records.hpp"
#include "pipeline/store/work_claims.hpp"

namespace kuvert::service {

namespace fs = std::filesystem;
using namespace kuvert::store;

namespace {

// A part that failed for reasons not its own is tried this often.
constexpr int kPartAttempts = 3;

fs::path parts_folder(const JobRecord& job) { return fs::path(job.output + ".parts"); }
fs::path plan_folder(const JobRecord& job) { return parts_folder(job) / "plan"; }
fs::path part_folder(const JobRecord& job, std::int64_t part) {
  char name[32];
  std::snprintf(name, sizeof name, "part-%04lld", static_cast<long long>(part));
  return parts_folder(job) / name;
}

std::string part_label(const InputRecord& input, std::int64_t part) {
  return input_label(input) + ": part " + std::to_string(part);
}

std::string joined_problems(const Error& error) {
  std::string text;
  for (const auto& problem : error.problems())
    text += (text.empty() ? "" : "; ") + describe(problem.where, problem.message);
  return text;
}

// Reads part `claim` of `input`'s batch in a child process and records
// what became of it, while `worker` holds the part.
void read_part(Store& store, const ServiceConfig& config, const ScanPartClaim& claim, const InputRecord& input,
               const JobRecord& job, std::int64_t now, const std::atomic<bool>& stopping, const std::string& worker,
               const ServiceLog& log) {
  const std::string label = part_label(input, claim.part);
  const fs::path output = part_folder(job, claim.part);
  const auto record = [&](const std::function<void()>& outcome) {
    if (!scan_part_exists(store, claim.id)) {
      // Its batch failed or was assembled meanwhile: nothing of it stays.
      std::error_code error;
      fs::remove_all(output, error);
      fs::remove(parts_folder(job), error);  // once the last worker is done with it
      return;
    }
    as_holder(store, ClaimedUnit::scan_part, claim.id, worker, outcome);
    announce_work(store);
  };
  std::error_code error;
  try {
    // Read before, by a worker that died before it said so.
    if (!fs::exists(output / kScanPartFile, error)) {
      const auto poison =
          produce_in_child(config,
                           {[&](const fs::path&) {
                              return std::vector<std::string>{"scan-parts", "part", plan_folder(job).string(), "--part",
                                                              std::to_string(claim.part)};
                            },
                            {fs::path(input.place).parent_path(), plan_folder(job)},
                            "the scan batch's part " + std::to_string(claim.part) + " ",
                            now,
                            kScanPartFile},
                           output, stopping);
      if (poison) {
        log(label + ": " + *poison);
        return record([&] { fail_scan_part(store, claim.id, *poison); });
      }
    }
    record([&] { finish_scan_part(store, claim.id); });
    log(label + " read");
  } catch (const Error& failure) {
    if (failure.kind() == ErrorKind::input)
      return record([&] { fail_scan_part(store, claim.id, joined_problems(failure)); });
    if (stopping) {
      release_claim(store, ClaimedUnit::scan_part, claim.id, worker);
      throw;
    }
    log(label + ": " + failure.what());
    record([&] { retry_scan_part(store, claim.id, failure.what(), kPartAttempts); });
  }
}

// The child that makes `output` of the batch's plan or parts, as
// produce_in_child; its outcome.
std::optional<std::string> produce_step(const ServiceConfig& config, std::vector<std::string> arguments,
                                        std::vector<fs::path> readable, const fs::path& output, std::int64_t now,
                                        const char* complete, const std::atomic<bool>& stopping) {
  return produce_in_child(
      config, {[&](const fs::path&) { return arguments; }, std::move(readable), "the scan batch ", now, complete},
      output, stopping);
}

}  // namespace

bool scans_in_parts(const ServiceConfig& config) { return !config.store_url.empty() && config.scan_part_pages > 0; }

PartsOutcome produce_scan_in_parts(Store& store, const ServiceConfig& config, const Inbox& inbox,
                                   const InputRecord& input, const JobRecord& job, std::int64_t now,
                                   const std::atomic<bool>& stopping, const std::string& worker,
                                   const ServiceLog& log) {
  std::error_code error;
  const fs::path plan = plan_folder(job);
  if (!fs::exists(plan / kScanPlanFile, error)) {
    fs::create_directories(parts_folder(job), error);
    // Archived documents are INBOX-INPUT-0001, ...: unique in the store.
    if (auto poison = produce_step(
            config,
            {"scan-parts", "plan", input.place, "--profile", inbox.profile, "--name",
             inbox.name + "-" + std::to_string(input.id), "--pages", std::to_string(config.scan_part_pages)},
            {fs::path(input.place).parent_path()}, plan, now, kScanPlanFile, stopping))
      return {true, *poison};
  }
  const auto parts = static_cast<std::int64_t>(read_scan_plan(plan).parts.size());
  if (parts <= 1) return {false, ""};
  as_holder(store, ClaimedUnit::input, input.id, worker, [&] { open_scan_parts(store, input.id, parts); });
  announce_work(store);
  log(input_label(input) + ": read in " + std::to_string(parts) + " parts by the workers");
  // This worker reads parts too, and waits for those of the others.
  while (true) {
    const ScanPartsProgress progress = scan_parts_progress(store, input.id);
    if (!progress.failure.empty()) return {true, progress.failure};
    if (progress.done == progress.parts) break;
    if (stopping) throw_system({}, "stopped before its parts were read");
    if (const auto claim = claim_scan_part(store, worker, input.id, {}))
      read_part(store, config, *claim, input, job, now, stopping, worker, log);
    else
      std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
  std::vector<std::string> arguments{"scan-parts", "assemble", plan.string()};
  for (std::int64_t part = 1; part <= parts; ++part) arguments.push_back(part_folder(job, part).string());
  const auto poison =
      produce_step(config, std::move(arguments), {parts_folder(job)}, job.output, now, "summary.json", stopping);
  return {true, poison.value_or("")};
}

bool work_on_scan_part(Store& store, const ServiceConfig& config, std::int64_t now, const std::atomic<bool>& stopping,
                       const std::string& worker, const ServiceLog& log,
                       const std::function<void(const std::string&)>& doing) {
  // Parts of the batches of inboxes this host has: another host's scan
  // profile may be its own.
  std::vector<std::string> inboxes;
  for (const auto& inbox : config.inboxes)
    if (inbox.kind == InboxKind::scan) inboxes.push_back(inbox.name);
  if (inboxes.empty()) return false;
  const auto claim = claim_scan_part(store, worker, 0, inboxes);
  if (!claim) return false;
  const auto input = find_input(store, claim->input);
  const auto job = job_of_input(store, claim->input);
  if (!input || !job) {
    as_holder(store, ClaimedUnit::scan_part, claim->id, worker,
              [&] { fail_scan_part(store, claim->id, "its batch's input or job is gone"); });
    return true;
  }
  doing(part_label(*input, claim->part));
  read_part(store, config, *claim, *input, *job, now, stopping, worker, log);
  return true;
}

void discard_scan_parts(Store& store, const InputRecord& input, const std::string& worker) {
  as_holder(store, ClaimedUnit::input, input.id, worker, [&] { drop_scan_parts(store, input.id); });
  remove_scan_parts_folder(store, input.id);
}

void remove_scan_parts_folder(Store& store, std::int64_t input) {
  std::error_code error;
  if (const auto job = job_of_input(store, input)) fs::remove_all(parts_folder(*job), error);
}

}  // namespace kuvert::service

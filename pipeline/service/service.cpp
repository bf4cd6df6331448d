#include "pipeline/service/service.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "pipeline/inbox/inbox_listing.hpp"
#include "pipeline/model/concat.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/service/file_confinement.hpp"
#include "pipeline/service/inbox_intake.hpp"
#include "pipeline/service/reprint_production.hpp"
#include "pipeline/service/retention.hpp"
#include "pipeline/service/return_file.hpp"
#include "pipeline/service/run_delivery.hpp"
#include "pipeline/service/scan_part_work.hpp"
#include "pipeline/store/work_claims.hpp"

namespace kuvert::service {

namespace fs = std::filesystem;
using namespace kuvert::store;

namespace {

std::int64_t steady_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::int64_t interval_ms(const Inbox& inbox) { return static_cast<std::int64_t>(inbox.poll_seconds * 1000); }

// Logs a failure of one step; the loop goes on and tries again later.
template <class Step>
void guarded(const ServiceLog& log, const std::string& what, Step step) {
  try {
    step();
  } catch (const Error& error) {
    log(what + ": " + error.what());
  } catch (const std::exception& error) {
    log(what + ": internal error: " + error.what());
  }
}

}  // namespace

ServiceLock::ServiceLock(const fs::path& store) {
  std::error_code error;
  fs::create_directories(store, error);
  const fs::path file = store / "serve.lock";
  fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd_ >= 0 && ::flock(fd_, LOCK_EX | LOCK_NB) == 0) return;
  if (fd_ >= 0) ::close(fd_);
  Where where;
  where.file = store.string();
  throw_system(where, "another kuvert serve uses this store already");
}

ServiceLock::~ServiceLock() { ::close(fd_); }

std::int64_t system_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

Service::Service(ServiceConfig config, ServiceLog log, Clock clock, ServiceRole role)
    : config_(std::move(config)),
      notification_rules_(load_notification_rules(config_.layouts)),
      log_(std::move(log)),
      clock_(std::move(clock)),
      role_(role) {
  // The folders are there as soon as the service is: before its console
  // says where it listens, so a client may drop a job at once.
  std::error_code error;
  for (const auto& printer : config_.printers) fs::create_directories(printer.folder, error);
  if (role_ == ServiceRole::serve)
    for (const auto& inbox : config_.inboxes) fs::create_directories(inbox.folder, error);
}

StoreOptions Service::store_options() const { return {config_.store, config_.wal, config_.store_url}; }

void Service::stop() {
  {
    const std::lock_guard lock(halt_mutex_);
    stopping_ = true;
    halt_work_ = true;
  }
  events_.wake();
  wake();
}

void Service::wake() {
  {
    const std::lock_guard lock(delivery_mutex_);
    delivery_requested_ = true;
  }
  delivery_due_.notify_one();
}

void Service::deliver_until_stopped() {
  // Its own connection: SQLite connections are not shared between threads.
  // One that cannot be opened (the database out of reach) is tried again.
  std::optional<Store> store;
  while (!stopping_) {
    if (!halt_work_)
      guarded(log_, "delivery", [&] {
        if (!store) store.emplace(store_options());
        deliver_ready_runs(*store, config_, clock_(), log_, heartbeat_->name());
      });
    // Released runs come through wake() from the console or from another
    // process's announcement (PostgreSQL), or from the command line, which
    // the poll catches.
    std::unique_lock lock(delivery_mutex_);
    delivery_due_.wait_for(lock, std::chrono::seconds(2), [this] { return delivery_requested_ || stopping_; });
    delivery_requested_ = false;
  }
}

void Service::attempt(std::map<std::int64_t, int>& failures, std::int64_t id, const std::string& label,
                      const std::function<void()>& step, const std::function<void(const std::string&)>& give_up) {
  std::string failure;
  try {
    step();
    failures.erase(id);
    return;
  } catch (const std::exception& error) {
    failure = error.what();
  }
  // Stopped (the service stops, or its lease was lost): not a failure of
  // the input, which is done again, here or by another worker.
  if (halt_work_) return;
  const int attempts = ++failures[id];
  log_(label + ": attempt " + std::to_string(attempts) + " failed: " + failure);
  if (attempts < kAttempts) return;
  failures.erase(id);
  guarded(log_, label, [&] { give_up("failed " + std::to_string(kAttempts) + " times: " + failure); });
}

void Service::take_complete_entries(Store& store, std::vector<CompletenessCheck>& checks,
                                    std::vector<std::int64_t>& next_poll, bool event) {
  for (std::size_t i = 0; i < checks.size() && !stopping_; ++i) {
    const auto& inbox = config_.inboxes[i];
    const std::int64_t now_ms = steady_ms();
    if (!event && now_ms < next_poll[i]) continue;
    next_poll[i] = now_ms + interval_ms(inbox);
    for (const auto& name : checks[i].complete(list_inbox(inbox.folder), now_ms)) {
      guarded(log_, "inbox " + inbox.name + ", " + name, [&] {
        const Intake intake = take_entry(store, inbox, name, clock_(), heartbeat_->name());
        if (intake.input)
          log_(input_label(intake.input, inbox.name, name) + ": taken");
        else if (!intake.refusal.empty())
          log_(concat("inbox ", inbox.name, ", ", name, ": refused, ", intake.refusal));
      });
    }
  }
}

bool Service::process_taken(Store& store) {
  const std::string& worker = heartbeat_->name();
  for (std::int64_t after = 0; !halt_work_;) {
    std::optional<InputRecord> input;
    guarded(log_, "claiming work", [&] { input = claim_input(store, worker, InputState::taken, after); });
    if (!input) break;
    after = input->id;
    const std::string label = input_label(*input);
    heartbeat_->doing(Activity::production, label);
    attempt(
        failed_attempts_, input->id, label,
        [&] { process_input(store, config_, *input, clock_, log_, halt_work_, worker); },
        [&](const std::string& reason) {
          abandon_input(store, config_, *input, "processing " + reason, clock_(), log_, worker);
        });
    heartbeat_->doing(Activity::production, "");
  }
  // Then a part of another worker's scan batch (a shared store's), one at
  // a time, so that inboxes and inputs are not kept waiting.
  bool read = false;
  if (config_.store_url.empty() || halt_work_) return read;
  guarded(log_, "scan parts", [&] {
    read = work_on_scan_part(store, config_, clock_(), halt_work_, worker, log_,
                             [&](const std::string& part) { heartbeat_->doing(Activity::production, part); });
  });
  heartbeat_->doing(Activity::production, "");
  return read;
}

void Service::reprint_reconciled(Store& store) {
  for (const auto& run : runs_due_for_reprint(store)) {
    if (halt_work_) return;
    const std::string label = "run " + run_number(run.job, run.name) + " reprint";
    heartbeat_->doing(Activity::production, label);
    attempt(
        failed_reprints_, run.id, label, [&] { make_reprint(store, config_, run, clock_, log_, halt_work_); },
        [&](const std::string& reason) { set_reprint_problem(store, run.id, "making it " + reason); });
    heartbeat_->doing(Activity::production, "");
  }
}

void Service::return_closed_jobs(Store& store) {
  for (const auto& inbox : config_.inboxes)
    guarded(log_, "inbox " + inbox.name + " posting records",
            [&] { return_posting_records(store, inbox, notification_rules_, clock_(), log_); });
}

void Service::keep_house(Store& store) {
  const std::string& worker = heartbeat_->name();
  bool claimed = false;
  guarded(log_, "housekeeping", [&] { claimed = !halt_work_ && claim_housekeeping(store, worker); });
  if (!claimed) return;  // another worker's turn
  // Each step only while the lease runs: once it is lost, another worker
  // may keep house.
  const auto step = [&](const std::string& what, const std::function<void()>& work) {
    if (!halt_work_) guarded(log_, what, work);
  };
  // What dead workers left (and this one's own past, at its start): looked
  // for once a minute, not at every turn of the loop.
  if (steady_ms() >= next_recovery_ms_) {
    step("inputs left half taken", [&] { recover_takings(store, config_, clock_(), worker); });
    step("failed inputs", [&] { recover_failed_inputs(store, config_, log_, worker); });
    next_recovery_ms_ = steady_ms() + 60 * 1000;
  }
  if (steady_ms() >= next_retention_ms_) {
    step("retention", [&] { apply_retention(store, config_, clock_(), log_); });
    next_retention_ms_ = steady_ms() + 60 * 60 * 1000;  // hourly
  }
  step("reprints", [&] { reprint_reconciled(store); });
  step("posting records", [&] { return_closed_jobs(store); });
  guarded(log_, "housekeeping", [&] { release_housekeeping(store, worker); });
}

void Service::run() {
  Store store(store_options());
  WorkerHeartbeat heartbeat(store_options(), role_ == ServiceRole::serve ? "serve" : "worker", config_.lease_seconds,
                            {.work =
                                 [this] {
                                   wake();
                                   events_.wake();
                                 },
                             .lease =
                                 [this](bool holding) {
                                   const std::lock_guard lock(halt_mutex_);
                                   lease_lost_ = !holding;
                                   halt_work_ = stopping_ || lease_lost_;
                                 }},
                            log_);
  heartbeat_ = &heartbeat;
  std::vector<CompletenessCheck> checks;
  std::vector<std::int64_t> next_poll;
  if (role_ == ServiceRole::serve) {
    for (const auto& inbox : config_.inboxes) {
      if (!events_.watch(inbox.folder)) log_("inbox " + inbox.name + ": no change events, polling only");
      checks.emplace_back(inbox.stable_checks, interval_ms(inbox), inbox.kind == InboxKind::job);
      next_poll.push_back(steady_ms());
    }
    log_("serving " + std::to_string(config_.inboxes.size()) + " inboxes, store " + config_.store.string() +
         ", as worker " + heartbeat.name());
  } else {
    log_("working on store " + config_.store.string() + " as worker " + heartbeat.name());
  }
  if (const FileConfinement probe(system_folders(), {}); !probe.available())
    log_("jobs run without file confinement: " + probe.why());
  std::thread delivery([this] { deliver_until_stopped(); });
  // The delivery thread ends with the loop, however the loop ends.
  try {
    bool event = false;
    while (!stopping_) {
      keep_house(store);
      if (!halt_work_) take_complete_entries(store, checks, next_poll, event);
      // After a scan part, straight on to the next turn.
      if (process_taken(store)) {
        event = false;
        continue;
      }
      if (stopping_) break;
      std::int64_t wait_ms = 5000;
      for (const auto due : next_poll) wait_ms = std::min(wait_ms, due - steady_ms());
      event = events_.wait(std::chrono::milliseconds(std::max<std::int64_t>(wait_ms, 10)));
    }
  } catch (...) {
    stop();
    delivery.join();
    heartbeat_ = nullptr;
    throw;
  }
  wake();
  delivery.join();
  heartbeat_ = nullptr;
  log_("stopped");
}

}  // namespace kuvert::service

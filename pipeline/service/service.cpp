#include "pipeline/service/service.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
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

Service::Service(ServiceConfig config, ServiceLog log, Clock clock)
    : config_(std::move(config)),
      notification_rules_(load_notification_rules(config_.layouts)),
      log_(std::move(log)),
      clock_(std::move(clock)) {}

void Service::stop() {
  stopping_ = true;
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
  Store store({config_.store, config_.wal, config_.store_url});
  while (!stopping_) {
    guarded(log_, "delivery", [&] { deliver_ready_runs(store, config_, clock_(), log_); });
    // Released runs come through wake() from the console, or from the
    // command line (another process), which the poll catches.
    std::unique_lock lock(delivery_mutex_);
    delivery_due_.wait_for(lock, std::chrono::seconds(2), [this] { return delivery_requested_ || stopping_; });
    delivery_requested_ = false;
  }
}

void Service::recover(Store& store) {
  recover_takings(store, config_, clock_());
  recover_failed_inputs(store, config_, log_);
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
  const int attempts = ++failures[id];
  log_(label + ": attempt " + std::to_string(attempts) + " failed: " + failure);
  if (attempts < kAttempts) return;
  failures.erase(id);
  guarded(log_, label, [&] { give_up("failed " + std::to_string(kAttempts) + " times: " + failure); });
}

void Service::process_taken(Store& store) {
  for (const auto& input : inputs_in_state(store, InputState::taken)) {
    if (stopping_) return;
    attempt(
        failed_attempts_, input.id, input_label(input),
        [&] { process_input(store, config_, input, clock_, log_, stopping_); },
        [&](const std::string& reason) {
          abandon_input(store, config_, input, "processing " + reason, clock_(), log_);
        });
  }
}

void Service::reprint_reconciled(Store& store) {
  for (const auto& run : runs_due_for_reprint(store)) {
    if (stopping_) return;
    attempt(
        failed_reprints_, run.id, "run " + run_number(run.job, run.name) + " reprint",
        [&] { make_reprint(store, config_, run, clock_, log_, stopping_); },
        [&](const std::string& reason) { set_reprint_problem(store, run.id, "making it " + reason); });
  }
}

void Service::return_closed_jobs(Store& store) {
  for (const auto& inbox : config_.inboxes)
    guarded(log_, "inbox " + inbox.name + " posting records",
            [&] { return_posting_records(store, inbox, notification_rules_, clock_(), log_); });
}

void Service::run() {
  Store store({config_.store, config_.wal, config_.store_url});
  recover(store);
  for (const auto& printer : config_.printers) {
    std::error_code error;
    fs::create_directories(printer.folder, error);
  }
  std::vector<CompletenessCheck> checks;
  std::vector<std::int64_t> next_poll;
  for (const auto& inbox : config_.inboxes) {
    std::error_code error;
    fs::create_directories(inbox.folder, error);
    if (!events_.watch(inbox.folder)) log_("inbox " + inbox.name + ": no change events, polling only");
    checks.emplace_back(inbox.stable_checks, interval_ms(inbox), inbox.kind == InboxKind::job);
    next_poll.push_back(steady_ms());
  }
  log_("serving " + std::to_string(config_.inboxes.size()) + " inboxes, store " + config_.store.string());
  if (const FileConfinement probe(system_folders(), {}); !probe.available())
    log_("jobs run without file confinement: " + probe.why());
  std::thread delivery([this] { deliver_until_stopped(); });
  // The delivery thread ends with the loop, however the loop ends.
  try {
    bool event = false;
    std::int64_t next_retention = steady_ms();
    while (!stopping_) {
      if (steady_ms() >= next_retention) {
        guarded(log_, "retention", [&] { apply_retention(store, config_, clock_(), log_); });
        next_retention = steady_ms() + 60 * 60 * 1000;  // hourly
      }
      for (std::size_t i = 0; i < config_.inboxes.size() && !stopping_; ++i) {
        const auto& inbox = config_.inboxes[i];
        const std::int64_t now_ms = steady_ms();
        if (!event && now_ms < next_poll[i]) continue;
        next_poll[i] = now_ms + interval_ms(inbox);
        for (const auto& name : checks[i].complete(list_inbox(inbox.folder), now_ms)) {
          guarded(log_, "inbox " + inbox.name + ", " + name, [&] {
            const Intake intake = take_entry(store, inbox, name, clock_());
            log_(intake.input ? input_label(intake.input, inbox.name, name) + ": taken"
                              : concat("inbox ", inbox.name, ", ", name, ": refused, ", intake.refusal));
          });
        }
      }
      process_taken(store);
      reprint_reconciled(store);
      return_closed_jobs(store);
      if (stopping_) break;
      std::int64_t wait_ms = 5000;
      for (const auto due : next_poll) wait_ms = std::min(wait_ms, due - steady_ms());
      event = events_.wait(std::chrono::milliseconds(std::max<std::int64_t>(wait_ms, 10)));
    }
  } catch (...) {
    stop();
    delivery.join();
    throw;
  }
  wake();
  delivery.join();
  log_("stopped");
}

}  // namespace kuvert::service

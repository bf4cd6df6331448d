#pragma once
// `kuvert serve` without its console: watches the inboxes, takes complete
// inputs into the store, processes them into jobs and delivers released
// runs. The thread calling run() takes and processes inputs; a second one
// delivers, so that a run released during a long job goes to its printer
// at once. stop() and wake() may come from any thread (a signal handler
// thread, the console).
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>

#include "pipeline/config/service_config.hpp"
#include "pipeline/inbox/inbox_events.hpp"
#include "pipeline/inbox/inbox_listing.hpp"
#include "pipeline/profiles/load_notification_rules.hpp"
#include "pipeline/service/job_processing.hpp"
#include "pipeline/service/worker_heartbeat.hpp"

namespace kuvert::service {

std::int64_t system_seconds();

// One service per SQLite store: it is one machine's (several share a
// PostgreSQL store, their work claimed unit by unit). The kernel drops the
// lock with the process, however it ends. Taken before anything else
// (port, threads), so that a second service ends at once. Throws
// kuvert::Error (system) when another holds it.
class ServiceLock {
 public:
  explicit ServiceLock(const std::filesystem::path& store);
  ~ServiceLock();
  ServiceLock(const ServiceLock&) = delete;
  ServiceLock& operator=(const ServiceLock&) = delete;

 private:
  int fd_ = -1;
};

// `kuvert serve` watches the inboxes too; `kuvert worker` only processes
// and delivers what the others took.
enum class ServiceRole { serve, worker };

class Service {
 public:
  // Makes the printer folders (and the inbox folders, for kuvert serve).
  Service(ServiceConfig config, ServiceLog log, Clock clock = system_seconds, ServiceRole role = ServiceRole::serve);

  // Works as one worker of the store (store/work_claims.hpp), finishing
  // what dead workers left, until stop(). Throws kuvert::Error when the
  // store cannot be opened.
  void run();
  void stop();
  // Something changed (a run released): deliver without waiting for the poll.
  void wake();

 private:
  store::StoreOptions store_options() const;
  // `checks` and `next_poll`: one per inbox watched (config_.inboxes in
  // order; none for a worker).
  void take_complete_entries(store::Store& store, std::vector<CompletenessCheck>& checks,
                             std::vector<std::int64_t>& next_poll, bool event);
  // Processes the inputs taken, then reads one part of a scan batch if
  // one is open: whether it did.
  bool process_taken(store::Store& store);
  // What one worker at a time does: inputs dead workers left, retention,
  // reprints, posting records.
  void keep_house(store::Store& store);
  void reprint_reconciled(store::Store& store);
  void return_closed_jobs(store::Store& store);
  // Runs `step` for `id`; a failure is logged and tried again at the next
  // turn of the loop, but after kAttempts `give_up` gets its reason.
  void attempt(std::map<std::int64_t, int>& failures, std::int64_t id, const std::string& label,
               const std::function<void()>& step, const std::function<void(const std::string&)>& give_up);
  void deliver_until_stopped();

  ServiceConfig config_;
  NotificationRules notification_rules_;
  ServiceLog log_;
  Clock clock_;
  ServiceRole role_;
  InboxEvents events_;
  static constexpr int kAttempts = 3;
  std::map<std::int64_t, int> failed_attempts_;  // by input, this run of the service
  std::map<std::int64_t, int> failed_reprints_;  // by run, likewise
  std::int64_t next_recovery_ms_ = 0;            // steady clock; 0: at the first turn
  std::int64_t next_retention_ms_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> lease_lost_{false};
  // The work at hand stops: the service stops, or its lease was lost.
  std::atomic<bool> halt_work_{false};
  std::mutex halt_mutex_;                 // stopping_, lease_lost_ and halt_work_ set together
  WorkerHeartbeat* heartbeat_ = nullptr;  // while run() runs
  std::mutex delivery_mutex_;
  std::condition_variable delivery_due_;
  bool delivery_requested_ = false;
};

}  // namespace kuvert::service

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
#include "pipeline/profiles/load_notification_rules.hpp"
#include "pipeline/service/job_processing.hpp"
#include "pipeline/inbox/inbox_events.hpp"

namespace kuvert::service {

std::int64_t system_seconds();

// One service per store: a second one would deliver the same runs again.
// The kernel drops the lock with the process, however it ends. Taken
// before anything else (port, threads), so that a second service ends at
// once. Throws kuvert::Error (system) when another holds it.
class ServiceLock {
 public:
  explicit ServiceLock(const std::filesystem::path& store);
  ~ServiceLock();
  ServiceLock(const ServiceLock&) = delete;
  ServiceLock& operator=(const ServiceLock&) = delete;

 private:
  int fd_ = -1;
};

class Service {
 public:
  Service(ServiceConfig config, ServiceLog log, Clock clock = system_seconds);

  // Finishes what a crash interrupted, then loops until stop(). The caller
  // holds the store's ServiceLock. Throws kuvert::Error when the store
  // cannot be opened.
  void run();
  void stop();
  // Something changed (a run released): deliver without waiting for the poll.
  void wake();

 private:
  void recover(store::Store& store);
  void process_taken(store::Store& store);
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
  InboxEvents events_;
  static constexpr int kAttempts = 3;
  std::map<std::int64_t, int> failed_attempts_;   // by input, this run of the service
  std::map<std::int64_t, int> failed_reprints_;   // by run, likewise
  std::atomic<bool> stopping_{false};
  std::mutex delivery_mutex_;
  std::condition_variable delivery_due_;
  bool delivery_requested_ = false;
};

}  // namespace kuvert::service

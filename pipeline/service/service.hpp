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
#include <functional>
#include <map>
#include <mutex>

#include "pipeline/config/service_config.hpp"
#include "pipeline/service/job_processing.hpp"
#include "stages/ingest/inbox_events.hpp"

namespace kuvert::service {

// Unix seconds; tests may set the time.
using Clock = std::function<std::int64_t()>;
std::int64_t system_seconds();

class Service {
 public:
  Service(ServiceConfig config, ServiceLog log, Clock clock = system_seconds);

  // Finishes what a crash interrupted, then loops until stop(). Throws
  // kuvert::Error when the store cannot be opened.
  void run();
  void stop();
  // Something changed (a run released): deliver without waiting for the poll.
  void wake();

 private:
  void recover(store::Store& store);
  void process_taken(store::Store& store);
  void deliver_until_stopped();

  ServiceConfig config_;
  ServiceLog log_;
  Clock clock_;
  InboxEvents events_;
  static constexpr int kAttempts = 3;
  std::map<std::int64_t, int> failed_attempts_;  // by input, this run of the service
  std::atomic<bool> stopping_{false};
  std::mutex delivery_mutex_;
  std::condition_variable delivery_due_;
  bool delivery_requested_ = false;
};

}  // namespace kuvert::service

#pragma once
// This process as a worker of its store (store/work_claims.hpp): recorded
// when it starts, its lease renewed by a thread of its own every third of
// the lease, and retired when it stops, so that what it leaves is free for
// the others at once. The same thread listens for the store's
// notifications (PostgreSQL's NOTIFY) and passes them on: a run released
// on any host is delivered at once, an input taken by one host is
// processed by whichever worker is idle.
// When the lease cannot be renewed (the database out of reach), the
// heartbeat says so before the lease runs out in the database, so that the
// work at hand stops before another worker may take it over.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "pipeline/service/job_processing.hpp"
#include "pipeline/store/store.hpp"

namespace kuvert::service {

// What a worker does, each by a thread of its own.
enum class Activity { production, delivery };

class WorkerHeartbeat {
 public:
  struct Events {
    std::function<void()> work;               // another process announced work
    std::function<void(bool holding)> lease;  // the lease was lost, or renewed again
  };
  // `kind`: "serve" or "worker". Throws kuvert::Error (system) when the
  // store cannot be opened.
  WorkerHeartbeat(const store::StoreOptions& options, std::string kind, int lease_seconds, Events events,
                  ServiceLog log);
  ~WorkerHeartbeat();  // retires the worker
  WorkerHeartbeat(const WorkerHeartbeat&) = delete;
  WorkerHeartbeat& operator=(const WorkerHeartbeat&) = delete;

  // This worker's name in the store: "HOST:PID:STARTED_MS".
  const std::string& name() const { return name_; }
  // What `activity` works on now (empty: nothing), for the console.
  void doing(Activity activity, const std::string& what);

 private:
  void beat_until_stopped();
  void beat();

  store::Store store_;
  std::string kind_;
  std::string name_;
  int lease_seconds_;
  Events events_;
  ServiceLog log_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<Activity, std::string> doing_;
  bool doing_changed_ = false;
  bool stopping_ = false;
  bool holding_ = true;
  std::int64_t deadline_ms_ = 0;  // CLOCK_BOOTTIME: when the lease may have run out
  std::int64_t lost_at_ms_ = 0;
  std::thread thread_;
};

// This host's name, as workers are recorded under.
std::string host_name();

}  // namespace kuvert::service

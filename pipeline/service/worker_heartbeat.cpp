#include "pipeline/service/worker_heartbeat.hpp"

#include <signal.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>

#include "pipeline/model/concat.hpp"
#include "pipeline/store/work_claims.hpp"

namespace kuvert::service {

using namespace kuvert::store;

namespace {

// Milliseconds that go on while the machine is suspended or the process
// stopped (steady_clock may not), so that a worker that slept sees its
// lease may have run out.
std::int64_t steady_ms() {
  timespec now{};
  ::clock_gettime(CLOCK_BOOTTIME, &now);
  return static_cast<std::int64_t>(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
}

std::int64_t system_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// A worker of this host whose process is gone (killed, crashed): its units
// need not wait for its lease. Host names must therefore differ between
// the hosts (and containers) of a store.
void expire_dead_neighbours(Store& store, const std::string& host, const std::string& self) {
  for (const auto& worker : list_workers(store))
    if (worker.alive && worker.host == host && worker.name != self && ::kill(static_cast<pid_t>(worker.pid), 0) != 0 &&
        errno == ESRCH)
      expire_lease(store, worker.name);
}

}  // namespace

std::string host_name() {
  char name[256] = {};
  if (::gethostname(name, sizeof name - 1) != 0) return "localhost";
  return name;
}

WorkerHeartbeat::WorkerHeartbeat(const StoreOptions& options, std::string kind, int lease_seconds, Events events,
                                 ServiceLog log)
    : store_(options),
      kind_(std::move(kind)),
      lease_seconds_(lease_seconds),
      events_(std::move(events)),
      log_(std::move(log)) {
  const std::string host = host_name();
  const auto pid = static_cast<std::int64_t>(::getpid());
  const std::int64_t started = system_ms();
  name_ = concat(host, ":", std::to_string(pid), ":", std::to_string(started));
  deadline_ms_ = steady_ms() + lease_seconds_ * 750;
  register_worker(store_,
                  {.name = name_, .host = host, .pid = pid, .kind = kind_, .started_at = iso_time(started / 1000)},
                  lease_seconds_);
  expire_dead_neighbours(store_, host, name_);
  store_.db().listen(kWorkChannel);
  thread_ = std::thread([this] { beat_until_stopped(); });
}

WorkerHeartbeat::~WorkerHeartbeat() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
  try {
    retire_worker(store_, name_);
  } catch (const std::exception& error) {
    log_(concat("worker ", name_, ": not retired (its units are free when its lease runs out): ", error.what()));
  }
}

void WorkerHeartbeat::doing(Activity activity, const std::string& what) {
  {
    const std::lock_guard lock(mutex_);
    doing_[activity] = what;
    doing_changed_ = true;
  }
  changed_.notify_all();
}

void WorkerHeartbeat::beat() {
  std::string doing;
  {
    const std::lock_guard lock(mutex_);
    for (const auto& [activity, what] : doing_)
      if (!what.empty()) doing += (doing.empty() ? "" : "; ") + what;
    doing_changed_ = false;
  }
  const std::int64_t sent = steady_ms();
  try {
    if (!renew_lease(store_, name_, lease_seconds_, doing)) {
      // Forgotten after stalling for a day: recorded anew.
      register_worker(store_, {.name = name_, .host = host_name(), .pid = ::getpid(), .kind = kind_}, lease_seconds_);
    }
    // The lease runs from when the database renewed it, which is after
    // `sent`; a quarter of it is kept for the work at hand to stop.
    deadline_ms_ = sent + lease_seconds_ * 750;
    // Lost stays lost for a second at least: long enough for the work at
    // hand to see it and stop (production polls every 50 ms at most).
    if (!holding_ && steady_ms() - lost_at_ms_ >= 1000) {
      holding_ = true;
      log_(concat("worker ", name_, ": lease renewed, working again"));
      events_.lease(true);
    }
  } catch (const std::exception& error) {
    if (holding_) log_(concat("worker ", name_, ": heartbeat failed, tried again: ", error.what()));
  }
}

void WorkerHeartbeat::beat_until_stopped() {
  const std::int64_t interval = lease_seconds_ * 1000 / 3;
  std::int64_t next = steady_ms() + interval;
  for (;;) {
    {
      const std::lock_guard lock(mutex_);
      if (stopping_) return;
      if (doing_changed_) next = 0;
    }
    // Checked before the next renewal, which a stall (a stopped process, a
    // blocked call) may have delayed past the lease: the work at hand
    // stops first, as another worker may have taken it over meanwhile.
    if (holding_ && steady_ms() >= deadline_ms_) {
      holding_ = false;
      lost_at_ms_ = steady_ms();
      log_(concat("worker ", name_, ": lease lost (the job store is out of reach); the work at hand stops"));
      events_.lease(false);
    }
    if (steady_ms() >= next) {
      beat();
      next = steady_ms() + interval;
    }
    // Short slices: a stop or a change of what it does is seen soon.
    const std::int64_t slice = std::max<std::int64_t>(1, std::min<std::int64_t>(next - steady_ms(), 250));
    const std::int64_t waited = steady_ms();
    bool announced = false;
    try {
      announced = store_.db().await_notification(std::chrono::milliseconds(slice));
    } catch (const std::exception&) {
      // The connection is made again at the next heartbeat.
    }
    if (announced) {
      events_.work();
      continue;
    }
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, std::chrono::milliseconds(std::max<std::int64_t>(0, slice - (steady_ms() - waited))),
                      [this] { return stopping_ || doing_changed_; });
  }
}

}  // namespace kuvert::service

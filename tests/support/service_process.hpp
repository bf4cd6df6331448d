#pragma once
// `kuvert serve` (or `kuvert worker`) as a child process for end-to-end
// tests, with its log in a file; stopped (SIGTERM) or killed (SIGKILL) at
// will, killed at the end.
#include <chrono>
#include <filesystem>
#include <functional>
#include <string>

namespace kuvert::test {

class ServiceProcess {
 public:
  ServiceProcess(const std::filesystem::path& config, const std::filesystem::path& log,
                 const std::string& command = "serve");
  ~ServiceProcess();
  ServiceProcess(const ServiceProcess&) = delete;
  ServiceProcess& operator=(const ServiceProcess&) = delete;

  int stop();  // SIGTERM; returns the exit status
  // The exit status once it ends by itself within `timeout`; -1 if it
  // does not (it is then killed).
  int wait(std::chrono::milliseconds timeout);
  void kill();  // SIGKILL, as a crash would
  std::string log() const;
  int pid() const { return pid_; }

 private:
  int pid_ = -1;
  std::filesystem::path log_;
};

// Polls `done` every 50 ms until it holds or `timeout` passes.
bool wait_until(const std::function<bool()>& done, std::chrono::milliseconds timeout);

}  // namespace kuvert::test

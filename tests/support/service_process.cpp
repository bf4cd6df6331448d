#include "tests/support/service_process.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

#include "tests/support/file_text.hpp"
#include "tests/support/process.hpp"

namespace kuvert::test {

ServiceProcess::ServiceProcess(const std::filesystem::path& config, const std::filesystem::path& log,
                               const std::string& command)
    : pid_(start_process({KUVERT_BINARY, command, "--config", config.string()}, "/dev/null", log, log, true)),
      log_(log) {}

ServiceProcess::~ServiceProcess() { kill(); }

int ServiceProcess::stop() {
  if (pid_ < 0) return -1;
  ::kill(pid_, SIGTERM);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  return exit_status(status);
}

int ServiceProcess::wait(std::chrono::milliseconds timeout) {
  if (pid_ < 0) return -1;
  int status = 0;
  const bool ended = wait_until([&] { return ::waitpid(pid_, &status, WNOHANG) == pid_; }, timeout);
  if (!ended) {
    kill();
    return -1;
  }
  pid_ = -1;
  return exit_status(status);
}

void ServiceProcess::kill() {
  if (pid_ < 0) return;
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

std::string ServiceProcess::log() const { return read_file(log_); }

bool wait_until(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
  const auto end = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < end) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return done();
}

}  // namespace kuvert::test

// fork and exec rather than posix_spawn, because the limits must be set in
// the child before it runs a line of kuvert: between the two only system
// calls are made (the argument and environment arrays are built before the
// fork), as is required after forking a process with threads.
#include "pipeline/service/production_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <thread>

#include "pipeline/model/error.hpp"

namespace kuvert::service {

namespace fs = std::filesystem;

namespace {

// The exit status of a child that ran out of memory (pipeline/cli/main.cpp).
constexpr int kExitOutOfMemory = 5;
// The exit status of a child the kernel would not confine (not kuvert's).
constexpr int kExitNotConfined = 125;

void set_limit(int resource, rlim_t soft, rlim_t hard) {
  const rlimit limit{soft, hard};
  ::setrlimit(resource, &limit);
}

// In the child, between fork and exec: system calls only.
[[noreturn]] void become_child(const char* program, char* const* argv, char* const* envp, int report_fd,
                               const JobLimits& limits, const FileConfinement* confinement, pid_t service) {
  // A killed service takes its child along: a restart must not find an
  // orphan still writing the output it is about to redo.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != service) ::_exit(127);
  ::setpgid(0, 0);  // its own group, so that a stop reaches its helpers too
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);  // the service blocks SIGTERM for its signal thread
  const int null_fd = ::open("/dev/null", O_RDWR);
  ::dup2(null_fd, 0);
  ::dup2(null_fd, 1);
  ::dup2(report_fd, 2);
  if (confinement != nullptr && !confinement->apply()) ::_exit(kExitNotConfined);
  ::close_range(3, ~0U, 0);
  const rlim_t memory = static_cast<rlim_t>(limits.memory_mb) << 20;
  set_limit(RLIMIT_AS, memory, memory);
  // The soft limit sends SIGXCPU, the hard one SIGKILL a little later.
  set_limit(RLIMIT_CPU, static_cast<rlim_t>(limits.cpu_seconds), static_cast<rlim_t>(limits.cpu_seconds + 5));
  set_limit(RLIMIT_CORE, 0, 0);
  ::execve(program, argv, envp);
  ::_exit(127);
}

std::vector<std::string> report_lines(const fs::path& report) {
  std::vector<std::string> lines;
  std::ifstream in(report);
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("kuvert: ")) lines.push_back(line.substr(8));
  }
  return lines;
}

std::string signal_name(int signal) {
  const char* name = ::sigabbrev_np(signal);
  const char* text = ::sigdescr_np(signal);
  return "signal " + std::to_string(signal) + (name ? std::string(" (SIG") + name + ", " + text + ")" : "");
}

}  // namespace

ProductionExit run_production_process(const fs::path& program, const std::vector<std::string>& arguments,
                                      const JobLimits& limits, const fs::path& report,
                                      const std::atomic<bool>& stopping, const ProductionPlace& place) {
  std::vector<std::string> words{program.string()};
  words.insert(words.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (auto& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  // The service's environment, with the child's own temporary folder.
  std::vector<std::string> variables;
  for (char** variable = environ; *variable != nullptr; ++variable) {
    const std::string_view entry(*variable);
    if (!place.temporary.empty() && (entry.starts_with("TMPDIR=") || entry.starts_with("MAGICK_TEMPORARY_PATH=")))
      continue;
    variables.emplace_back(entry);
  }
  if (!place.temporary.empty()) {
    variables.push_back("TMPDIR=" + place.temporary.string());
    variables.push_back("MAGICK_TEMPORARY_PATH=" + place.temporary.string());
  }
  std::vector<char*> envp;
  for (auto& variable : variables) envp.push_back(variable.data());
  envp.push_back(nullptr);

  const int report_fd = ::open(report.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  Where where;
  where.file = report.string();
  if (report_fd < 0) throw_system(where, std::string("cannot be written: ") + std::strerror(errno));
  const pid_t service = ::getpid();
  const pid_t child = ::fork();
  if (child == 0)
    become_child(words.front().c_str(), argv.data(), envp.data(), report_fd, limits, place.confinement, service);
  const int fork_error = errno;
  ::close(report_fd);
  if (child < 0) throw_system({}, std::string("cannot start a production process: ") + std::strerror(fork_error));

  const auto started = std::chrono::steady_clock::now();
  const auto deadline = started + std::chrono::seconds(limits.wall_seconds);
  bool timed_out = false;
  bool stopped = false;
  int status = 0;
  auto pause = std::chrono::milliseconds(1);
  while (::waitpid(child, &status, WNOHANG) == 0) {
    if (!timed_out && !stopped && (stopping || std::chrono::steady_clock::now() >= deadline)) {
      (stopping ? stopped : timed_out) = true;
      ::kill(-child, SIGKILL);
      ::kill(child, SIGKILL);
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(50));
  }

  ProductionExit exit;
  exit.problems = report_lines(report);
  std::error_code error;
  fs::remove(report, error);
  if (stopped) {
    exit.kind = ProductionExit::Kind::stopped;
  } else if (timed_out) {
    exit.kind = ProductionExit::Kind::poisoned;
    exit.reason = "took longer than the limit of " + std::to_string(limits.wall_seconds) + " s and was stopped";
  } else if (WIFSIGNALED(status)) {
    exit.kind = ProductionExit::Kind::poisoned;
    const int signal = WTERMSIG(status);
    exit.reason = signal == SIGXCPU || signal == SIGKILL
                      ? "used more than the limit of " + std::to_string(limits.cpu_seconds) +
                            " s of CPU time and was stopped (" + signal_name(signal) + ")"
                      : "crashed (" + signal_name(signal) + ")";
  } else {
    exit.status = WEXITSTATUS(status);
    if (exit.status == 0) {
      exit.kind = ProductionExit::Kind::finished;
    } else if (exit.status == 1) {
      exit.kind = ProductionExit::Kind::refused;
    } else if (exit.status == kExitOutOfMemory) {
      exit.kind = ProductionExit::Kind::poisoned;
      exit.reason = "needed more memory than the limit of " + std::to_string(limits.memory_mb) + " MiB";
    } else {
      exit.kind = ProductionExit::Kind::failed;
      exit.reason = exit.status == 127                ? "the program " + program.string() + " could not be started"
                    : exit.status == kExitNotConfined ? "the kernel refused to confine it to its files (Landlock)"
                                                      : "ended with exit status " + std::to_string(exit.status);
    }
  }
  return exit;
}

}  // namespace kuvert::service

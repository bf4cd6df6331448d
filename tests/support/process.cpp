#include "tests/support/process.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "tests/support/file_text.hpp"
#include "tests/support/temp_folder.hpp"

extern char** environ;

namespace kuvert::test {

pid_t start_process(const std::vector<std::string>& argv, const std::filesystem::path& in,
                    const std::filesystem::path& out, const std::filesystem::path& err, bool append) {
  const int mode = O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, in.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out.c_str(), mode, 0600);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err.c_str(), mode, 0600);
  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) throw std::runtime_error("cannot start " + argv[0]);
  return pid;
}

int exit_status(int wait_status) {
  return WIFEXITED(wait_status) ? WEXITSTATUS(wait_status) : 128 + WTERMSIG(wait_status);
}

ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input) {
  TempFolder capture;
  const auto in_path = capture.path() / "in", out_path = capture.path() / "out", err_path = capture.path() / "err";
  std::ofstream(in_path, std::ios::binary) << input;
  int status = 0;
  waitpid(start_process(argv, in_path, out_path, err_path, false), &status, 0);
  ProcessResult result;
  result.exit_code = exit_status(status);
  result.out = read_file(out_path);
  result.err = read_file(err_path);
  return result;
}

void require_success(const ProcessResult& result, const std::string& what) {
  if (result.exit_code != 0) throw std::runtime_error(what + " failed: " + result.err);
}

}  // namespace kuvert::test

#pragma once
// Runs a program without a shell (arguments are passed as they are) and
// captures what it printed.
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace kuvert::test {

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// `input` is what the program reads on standard input.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input = {});
// Throws, naming `what` and quoting its standard error, unless it ended with 0.
void require_success(const ProcessResult& result, const std::string& what);

// Starts a program (found on PATH) with standard input from `in` and its
// output into `out` and `err` (the same file for both is fine), appended to
// or written afresh; returns its pid. Throws when it cannot be started.
pid_t start_process(const std::vector<std::string>& argv, const std::filesystem::path& in,
                    const std::filesystem::path& out, const std::filesystem::path& err, bool append);
// The exit status of a finished process, 128 + N when signal N ended it.
int exit_status(int wait_status);

}  // namespace kuvert::test

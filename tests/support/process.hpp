#pragma once
// Runs a program without a shell (arguments are passed as they are) and
// captures what it printed.
#include <string>
#include <vector>

namespace kuvert::test {

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

ProcessResult run_process(const std::vector<std::string>& argv);

}  // namespace kuvert::test

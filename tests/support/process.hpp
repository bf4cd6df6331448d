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

// `input` is what the program reads on standard input.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input = {});

}  // namespace kuvert::test

#pragma once
// The command words of a command line ("kuvert users list"), checked before
// CLI11 parses it: CLI11 answers an unknown word with "A subcommand is
// required", which names neither the word nor what was meant.
#include <CLI/CLI.hpp>
#include <string>

namespace kuvert {

// "" when every command word in argv names a subcommand of `app` (options
// end the words); otherwise what is wrong, with the closest command:
// unknown command "users lst" (did you mean "users list"?), or the
// commands to choose from when the words end too soon.
std::string command_word_problem(CLI::App& app, int argc, char** argv);

}  // namespace kuvert

#include "pipeline/cli/command_words.hpp"

#include "pipeline/model/likely_meant.hpp"

namespace kuvert {

std::string command_word_problem(CLI::App& app, int argc, char** argv) {
  CLI::App* current = &app;
  std::string path;  // the command words so far
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    const auto commands = current->get_subcommands([](CLI::App*) { return true; });
    if (word.empty() || word.front() == '-' || commands.empty()) return "";
    CLI::App* next = nullptr;
    std::vector<std::string> names;
    for (auto* command : commands) {
      names.push_back(command->get_name());
      if (command->get_name() == word) next = command;
    }
    const std::string prefix = path.empty() ? "" : path + " ";
    if (!next) {
      const auto meant = likely_meant(word, names);
      return "unknown command \"" + prefix + word + "\"" +
             (meant ? " (did you mean \"" + prefix + *meant + "\"?)" : "") + "; see kuvert " + prefix + "--help";
    }
    path = prefix + word;
    current = next;
  }
  // The words ran out where one more is needed.
  const auto commands = current->get_subcommands([](CLI::App*) { return true; });
  if (commands.empty() || current->get_require_subcommand_min() == 0) return "";
  std::string names;
  for (auto* command : commands) names += (names.empty() ? "" : ", ") + command->get_name();
  const std::string prefix = path.empty() ? "" : path + " ";
  return "\"kuvert" + (path.empty() ? "" : " " + path) + "\" needs a command: " + names + "; see kuvert " + prefix +
         "--help";
}

}  // namespace kuvert

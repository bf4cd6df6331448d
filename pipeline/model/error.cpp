#include "pipeline/model/error.hpp"

namespace kuvert {
namespace {

std::string join_problems(const std::vector<Diagnostic>& problems) {
  std::string text;
  for (const auto& problem : problems) {
    if (!text.empty()) text += '\n';
    text += describe(problem.where, problem.message);
  }
  return text;
}

}  // namespace

std::string describe(const Where& where, const std::string& message) {
  std::string text;
  auto add = [&text](const char* label, const std::string& value) {
    if (value.empty()) return;
    text += label;
    text += " \"" + value + "\": ";
  };
  add("job", where.job);
  add("document", where.document);
  add("file", where.file);
  add("record", where.record);
  // A command line's option is named as it is typed: option --date: ...
  if (where.field.rfind("--", 0) == 0)
    text += "option " + where.field + ": ";
  else
    add("field", where.field);
  return text + message;
}

Error::Error(ErrorKind kind, Where where, std::string message)
    : Error(kind, std::vector<Diagnostic>{{std::move(where), std::move(message)}}) {}

Error::Error(ErrorKind kind, std::vector<Diagnostic> problems)
    : std::runtime_error(join_problems(problems)), kind_(kind), problems_(std::move(problems)) {}

void throw_input(Where where, std::string message) {
  throw Error(ErrorKind::input, std::move(where), std::move(message));
}

void throw_system(Where where, std::string message) {
  throw Error(ErrorKind::system, std::move(where), std::move(message));
}

}  // namespace kuvert

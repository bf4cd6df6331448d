#pragma once
// The one exception type of kuvert. It carries what it concerns (job,
// document, file, record, field) so that the single place that reports
// errors can speak in the operator's terms; callers branch on kind().
#include <stdexcept>
#include <string>
#include <vector>

namespace kuvert {

enum class ErrorKind { usage, input, system, internal };

// Where a problem was found; empty fields are left out of messages.
struct Where {
  std::string job;
  std::string document;
  std::string file;
  std::string record;
  std::string field;  // "--date" for a command-line option
};

// One problem found while checking input; checks collect these and decide
// at one place whether to reject the job.
struct Diagnostic {
  Where where;
  std::string message;
};

std::string describe(const Where& where, const std::string& message);

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, Where where, std::string message);
  // Several input problems reported together (every bad field at once).
  Error(ErrorKind kind, std::vector<Diagnostic> problems);

  ErrorKind kind() const noexcept { return kind_; }
  const std::vector<Diagnostic>& problems() const noexcept { return problems_; }

 private:
  ErrorKind kind_;
  std::vector<Diagnostic> problems_;
};

// Shorthands for the common kinds.
[[noreturn]] void throw_input(Where where, std::string message);
[[noreturn]] void throw_system(Where where, std::string message);

}  // namespace kuvert

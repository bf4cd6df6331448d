#pragma once
#include <cstddef>
#include <string>

namespace kuvert {

// Where the library reports progress and results; the command line draws a
// progress bar, the service will log. Called from one thread at a time.
class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void progress(std::size_t sheets_done, std::size_t sheets_total) = 0;
  // What the job does from now on ("reading the job and its files"), so
  // that the service can say where a child that crashed was.
  virtual void stage(const std::string& /*what*/) {}
};

}  // namespace kuvert

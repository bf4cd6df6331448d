#pragma once
#include <cstddef>

namespace kuvert {

// Where the library reports progress and results; the command line draws a
// progress bar, the service will log. Called from one thread at a time.
class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void progress(std::size_t sheets_done, std::size_t sheets_total) = 0;
};

}  // namespace kuvert

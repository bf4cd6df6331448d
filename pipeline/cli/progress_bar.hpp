#pragma once
#include <chrono>

#include "pipeline/driver/reporter.hpp"

namespace kuvert {

// Draws a one-line progress bar on a terminal; prints nothing otherwise.
class ProgressBar : public Reporter {
 public:
  ProgressBar();
  ~ProgressBar() override;
  void progress(std::size_t sheets_done, std::size_t sheets_total) override;

 private:
  bool terminal_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace kuvert

#include "pipeline/cli/progress_bar.hpp"

#include <unistd.h>

#include <cstdio>
#include <string>

namespace kuvert {

ProgressBar::ProgressBar() : terminal_(isatty(STDERR_FILENO) == 1) {}

ProgressBar::~ProgressBar() {
  if (drawn_) std::fputc('\n', stderr);
}

void ProgressBar::progress(std::size_t done, std::size_t total) {
  if (!terminal_ || total == 0) return;
  const auto now = std::chrono::steady_clock::now();
  // Redrawing ten times a second is enough for the eye and costs nothing.
  if (done < total && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  constexpr int width = 40;
  const int filled = static_cast<int>(width * done / total);
  std::fprintf(stderr, "\r[%s%s] %3zu%%  %zu/%zu sheets", std::string(filled, '#').c_str(),
               std::string(width - filled, ' ').c_str(), done * 100 / total, done, total);
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace kuvert

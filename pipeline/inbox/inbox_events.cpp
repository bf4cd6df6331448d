#include "pipeline/inbox/inbox_events.hpp"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>

namespace kuvert {

InboxEvents::InboxEvents()
    : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)), wake_(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {}

InboxEvents::~InboxEvents() {
  if (fd_ >= 0) ::close(fd_);
  if (wake_ >= 0) ::close(wake_);
}

void InboxEvents::wake() {
  const std::uint64_t one = 1;
  if (wake_ >= 0 && ::write(wake_, &one, sizeof one) < 0) return;  // the counter is full: a wake is pending
}

bool InboxEvents::watch(const std::filesystem::path& folder) {
  if (fd_ < 0) return false;
  constexpr std::uint32_t kChanges = IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_MODIFY | IN_ATTRIB;
  return inotify_add_watch(fd_, folder.c_str(), kChanges) >= 0;
}

bool InboxEvents::wait(std::chrono::milliseconds timeout) {
  // A descriptor of -1 is ignored by poll(): without inotify only the wake
  // and the timeout end the wait.
  pollfd ready[2] = {{fd_, POLLIN, 0}, {wake_, POLLIN, 0}};
  if (::poll(ready, 2, static_cast<int>(std::max<std::int64_t>(0, timeout.count()))) <= 0) return false;
  alignas(inotify_event) char buffer[4096];
  if (fd_ >= 0)
    while (::read(fd_, buffer, sizeof buffer) > 0) {
    }
  std::uint64_t count = 0;
  if (wake_ >= 0 && ::read(wake_, &count, sizeof count) < 0) count = 0;  // no wake pending
  return true;
}

}  // namespace kuvert

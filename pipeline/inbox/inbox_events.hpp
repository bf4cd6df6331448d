#pragma once
// Change events of watch folders through inotify, to list an inbox as soon
// as something arrives instead of at the next poll. Where inotify is not
// available (network shares deliver none), wait() simply sleeps: polling
// stays the rule, events only shorten the wait.
#include <chrono>
#include <filesystem>

namespace kuvert {

class InboxEvents {
 public:
  InboxEvents();
  ~InboxEvents();
  InboxEvents(const InboxEvents&) = delete;
  InboxEvents& operator=(const InboxEvents&) = delete;

  // False when the folder cannot be watched; polling still covers it.
  bool watch(const std::filesystem::path& folder);
  // Waits until an event arrives, wake() is called or `timeout` passes;
  // true on an event or a wake. Reads all pending events, so the next wait
  // starts afresh.
  bool wait(std::chrono::milliseconds timeout);
  // Ends a wait early, from any thread (a run released in the console).
  void wake();

 private:
  int fd_ = -1;    // inotify
  int wake_ = -1;  // eventfd
};

}  // namespace kuvert

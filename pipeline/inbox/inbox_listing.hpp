#pragma once
// What lies in a watch folder, and which of it is complete. A file or job
// folder is taken only when complete: unchanged (size, modification time,
// number of files) over a number of successive listings, or announced by a
// trigger file NAME.ready beside it. Network shares deliver no change
// events, so listings (polling) decide; inotify only makes them sooner.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace kuvert {

// One entry of an inbox: a file, or a folder with everything in it.
struct InboxEntry {
  std::string name;
  bool folder = false;
  std::uintmax_t bytes = 0;      // the file, or all files of the folder
  std::int64_t modified_ns = 0;  // newest modification time inside
  std::size_t files = 1;
  bool triggered = false;     // NAME.ready lies beside it
  bool has_manifest = false;  // a folder holding job.json
};

// The entries of `folder` in name order. Left out: hidden names (".x",
// being written by convention), trigger files, names ending in ".part" or
// ".tmp", and the error/ folder where kuvert puts refused inputs.
std::vector<InboxEntry> list_inbox(const std::filesystem::path& folder);

// Remembers entries across listings of one inbox. An entry is complete
// when it was listed unchanged `stable_checks` times after the first and
// has been unchanged for `stable_checks` poll intervals: listings that
// change events bring forward do not shorten the wait for a slow writer.
class CompletenessCheck {
 public:
  // `folders_need_manifest`: job inboxes take a folder only once job.json
  // is in it (or a trigger file announces it).
  CompletenessCheck(int stable_checks, std::int64_t poll_interval_ms, bool folders_need_manifest);

  // The names complete in this listing made at `now_ms`, in name order.
  // Entries no longer listed are forgotten.
  std::vector<std::string> complete(const std::vector<InboxEntry>& listing, std::int64_t now_ms);

 private:
  struct Seen {
    std::uintmax_t bytes;
    std::int64_t modified_ns;
    std::size_t files;
    int unchanged;            // listings since the last change
    std::int64_t changed_ms;  // when the last change was seen
  };
  int stable_checks_;
  std::int64_t poll_interval_ms_;
  bool folders_need_manifest_;
  std::map<std::string, Seen> seen_;
};

// The trigger file that announces `name` as complete.
std::string trigger_name(const std::string& name);

}  // namespace kuvert

#include "pipeline/inbox/inbox_listing.hpp"

#include <algorithm>
#include <chrono>

namespace kuvert {

namespace fs = std::filesystem;

namespace {

constexpr const char* kTrigger = ".ready";

std::int64_t modified_ns(const fs::directory_entry& entry) {
  std::error_code error;
  const auto time = entry.last_write_time(error);
  return error ? 0 : std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count();
}

// Sizes and times of everything inside a folder; a file still being
// copied in shows as a change.
void add_folder(const fs::path& folder, InboxEntry& entry) {
  entry.files = 0;
  std::error_code error;
  for (fs::recursive_directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    entry.modified_ns = std::max(entry.modified_ns, modified_ns(*it));
    if (!it->is_regular_file(error)) continue;
    entry.bytes += it->file_size(error);
    ++entry.files;
  }
  entry.has_manifest = fs::is_regular_file(folder / "job.json", error);
}

}  // namespace

std::string trigger_name(const std::string& name) { return name + kTrigger; }

std::vector<InboxEntry> list_inbox(const fs::path& folder) {
  std::vector<InboxEntry> entries;
  std::vector<std::string> triggers;
  std::error_code error;
  for (const auto& item : fs::directory_iterator(folder, error)) {
    const std::string name = item.path().filename().string();
    if (name.empty() || name[0] == '.' || name.ends_with(".part") || name.ends_with(".tmp")) continue;
    if (name.ends_with(kTrigger)) {
      triggers.push_back(name.substr(0, name.size() - std::string(kTrigger).size()));
      continue;
    }
    std::error_code type_error;
    InboxEntry entry;
    entry.name = name;
    entry.folder = item.is_directory(type_error);
    if (entry.folder && name == "error") continue;
    entry.modified_ns = modified_ns(item);
    if (entry.folder)
      add_folder(item.path(), entry);
    else if (item.is_regular_file(type_error))
      entry.bytes = item.file_size(type_error);
    else
      continue;  // sockets, devices: nothing to take
    entries.push_back(std::move(entry));
  }
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  for (auto& entry : entries)
    entry.triggered = std::find(triggers.begin(), triggers.end(), entry.name) != triggers.end();
  return entries;
}

CompletenessCheck::CompletenessCheck(int stable_checks, std::int64_t poll_interval_ms, bool folders_need_manifest)
    : stable_checks_(stable_checks),
      poll_interval_ms_(poll_interval_ms),
      folders_need_manifest_(folders_need_manifest) {}

std::vector<std::string> CompletenessCheck::complete(const std::vector<InboxEntry>& listing, std::int64_t now_ms) {
  std::map<std::string, Seen> seen;
  std::vector<std::string> names;
  for (const auto& entry : listing) {
    Seen now{entry.bytes, entry.modified_ns, entry.files, 0, now_ms};
    if (const auto before = seen_.find(entry.name); before != seen_.end()) {
      const Seen& was = before->second;
      if (was.bytes == now.bytes && was.modified_ns == now.modified_ns && was.files == now.files) {
        now.unchanged = was.unchanged + 1;
        now.changed_ms = was.changed_ms;
      }
    }
    seen.emplace(entry.name, now);
    if (entry.folder && folders_need_manifest_ && !entry.has_manifest && !entry.triggered) continue;
    const bool stable =
        now.unchanged >= stable_checks_ && now_ms - now.changed_ms >= stable_checks_ * poll_interval_ms_;
    if (entry.triggered || stable) names.push_back(entry.name);
  }
  seen_ = std::move(seen);
  return names;
}

}  // namespace kuvert

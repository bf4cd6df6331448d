#include "pipeline/service/inbox_files.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

#include "pipeline/model/error.hpp"
#include "pipeline/pdf/sha256.hpp"

namespace kuvert::service {

namespace fs = std::filesystem;

namespace {

[[noreturn]] void file_failure(const fs::path& file, const std::string& what) {
  Where where;
  where.file = file.string();
  throw_system(where, what);
}

void sync_path(const fs::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

void sync_tree(const fs::path& root) {
  std::error_code error;
  if (fs::is_directory(root, error)) {
    for (const auto& item : fs::recursive_directory_iterator(root, error))
      sync_path(item.path(), item.is_directory() ? O_RDONLY | O_DIRECTORY : O_RDONLY);
    sync_path(root, O_RDONLY | O_DIRECTORY);
  } else {
    sync_path(root, O_RDONLY);
  }
}

// What an entry holds, file by file: its path inside the entry, whether it
// is a folder, its size and modification time. Equal snapshots before and
// after a copy mean nobody wrote into the entry meanwhile.
struct EntryItem {
  std::string path;
  bool folder = false;
  std::uintmax_t size = 0;
  fs::file_time_type modified;
  friend bool operator==(const EntryItem&, const EntryItem&) = default;
};

std::vector<EntryItem> snapshot(const fs::path& entry) {
  std::vector<EntryItem> items;
  const auto add = [&](const fs::path& path, const std::string& name) {
    std::error_code error;
    EntryItem item{name, fs::is_directory(path, error)};
    if (!item.folder) item.size = fs::file_size(path, error);
    item.modified = fs::last_write_time(path, error);
    if (error) file_failure(path, "cannot be looked at: " + error.message());
    items.push_back(std::move(item));
  };
  add(entry, ".");
  std::error_code error;
  if (fs::is_directory(entry, error)) {
    for (fs::recursive_directory_iterator it(entry, error), end; !error && it != end; it.increment(error))
      add(it->path(), it->path().lexically_relative(entry).generic_string());
    if (error) file_failure(entry, "cannot list: " + error.message());
  }
  std::sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  return items;
}

// Removes what `items` lists of `entry`, files first, then folders deepest
// first and only when empty: a file written into the entry after its
// snapshot stays where it is rather than go unseen.
void remove_copied(const fs::path& entry, const std::vector<EntryItem>& items) {
  std::error_code error;
  for (const auto& item : items)
    if (!item.folder) fs::remove(item.path == "." ? entry : entry / item.path, error);
  for (auto item = items.rbegin(); item != items.rend(); ++item)
    if (item->folder) ::rmdir((item->path == "." ? entry : entry / item->path).c_str());
}

}  // namespace

std::string entry_sha256(const fs::path& entry) {
  Sha256 hash;
  std::error_code error;
  if (!fs::is_directory(entry, error)) {
    hash.update_file(entry);
    return hash.hex();
  }
  std::vector<fs::path> files;
  for (const auto& item : fs::recursive_directory_iterator(entry, error))
    if (item.is_regular_file()) files.push_back(item.path());
  if (error) file_failure(entry, "cannot list: " + error.message());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    const std::string header =
        fs::relative(file, entry).generic_string() + '\0' + std::to_string(fs::file_size(file)) + '\0';
    hash.update(header);
    hash.update_file(file);
  }
  return hash.hex();
}

void move_entry(const fs::path& from, const fs::path& to) {
  std::error_code error;
  if (fs::exists(to, error)) file_failure(to, "exists already; an input is never overwritten");
  fs::create_directories(to.parent_path(), error);
  if (::rename(from.c_str(), to.c_str()) == 0) {
    sync_path(to.parent_path(), O_RDONLY | O_DIRECTORY);
    return;
  }
  if (errno != EXDEV) file_failure(from, std::string("cannot move to ") + to.string() + ": " + std::strerror(errno));
  // Across file systems (an inbox on a network share): copied, checked
  // against what the entry held before the copy, and only then removed.
  const fs::path copy = partial_path(to);
  fs::remove_all(copy, error);
  const auto before = snapshot(from);
  fs::copy(from, copy, fs::copy_options::recursive, error);
  if (error) {
    fs::remove_all(copy, error);
    file_failure(from, "cannot copy to " + to.string() + ": " + error.message());
  }
  if (snapshot(from) != before) {
    fs::remove_all(copy, error);
    file_failure(from, "changed while it was copied into the store; it stays in the inbox and is taken later");
  }
  sync_tree(copy);
  fs::rename(copy, to, error);
  if (error) file_failure(to, "cannot rename the copy: " + error.message());
  sync_path(to.parent_path(), O_RDONLY | O_DIRECTORY);
  remove_copied(from, before);
}

std::optional<fs::path> entry_inside(const fs::path& path, const fs::path& folder) {
  const auto relative = path.lexically_normal().lexically_relative(folder.lexically_normal());
  if (relative.empty() || *relative.begin() == ".." || *relative.begin() == ".") return std::nullopt;
  return folder / *relative.begin();
}

void sync_folder(const fs::path& folder) { sync_path(folder, O_RDONLY | O_DIRECTORY); }

void sync_file(const fs::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  const bool synced = fd >= 0 && ::fsync(fd) == 0;
  if (fd >= 0) ::close(fd);
  if (!synced) file_failure(file, std::string("cannot sync to disk: ") + std::strerror(errno));
}

fs::path partial_path(const fs::path& file) {
  std::string name = ".";
  name += file.filename().string();
  name += ".part";
  return file.parent_path() / name;
}

void place_file_atomically(const fs::path& target, const std::function<void(const fs::path&)>& write) {
  const fs::path temporary = partial_path(target);
  write(temporary);
  sync_file(temporary);
  std::error_code error;
  fs::rename(temporary, target, error);
  if (error) file_failure(target, "cannot rename into place: " + error.message());
}

void write_file_atomically(const fs::path& file, const std::string& text) {
  place_file_atomically(file, [&](const fs::path& temporary) {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) file_failure(temporary, "cannot write");
  });
}

void copy_file_atomically(const fs::path& source, const fs::path& target) {
  place_file_atomically(target, [&](const fs::path& temporary) {
    std::error_code error;
    fs::copy_file(source, temporary, fs::copy_options::overwrite_existing, error);
    if (error) file_failure(temporary, "cannot copy " + source.string() + " here: " + error.message());
  });
}

fs::path refuse_entry(const fs::path& entry, const fs::path& inbox, const std::string& reason) {
  const fs::path errors = inbox / "error";
  const std::string name = entry.filename().string();
  // "NAME.error.txt" and its hidden ".NAME.error.txt.part" must fit a file
  // system's 255 bytes: a long name is cut (at a character) and marked.
  constexpr std::size_t kLongest = 200;
  std::string base = name;
  if (base.size() > kLongest) {
    std::size_t cut = kLongest - 8;
    while (cut > 0 && (static_cast<unsigned char>(base[cut]) & 0xC0) == 0x80) --cut;
    base = base.substr(0, cut) + "~cut";
  }
  fs::path target = errors / base;
  std::error_code error;
  for (int n = 2; fs::exists(target, error) || fs::exists(target.string() + ".error.txt", error); ++n)
    target = errors / (base + "~" + std::to_string(n));
  fs::create_directories(errors, error);
  write_file_atomically(target.string() + ".error.txt", name + ": " + reason + "\n");
  move_entry(entry, target);
  return target;
}

}  // namespace kuvert::service

#include "pipeline/driver/output_folder.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "pipeline/model/error.hpp"

namespace kuvert {

namespace fs = std::filesystem;

namespace {

// A running job holds an exclusive lock on "<working folder>.lock" for as
// long as its working folder exists. A working folder whose lock can be
// taken belongs to a run that was killed (the kernel drops the lock with
// the process, on this machine or, over NFS, on another): it is removed, so
// an interrupted run leaves nothing behind once the job is run again.
int lock_working_folder(const fs::path& working, bool wait) {
  const auto lock = working.string() + ".lock";
  const int fd = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return -1;
  if (::flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

void remove_abandoned_work(const fs::path& parent, const std::string& prefix) {
  std::error_code error;
  std::vector<fs::path> candidates;
  for (const auto& entry : fs::directory_iterator(parent, error)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) == 0 && entry.is_directory(error)) candidates.push_back(entry.path());
  }
  for (const auto& working : candidates) {
    const int fd = lock_working_folder(working, false);
    if (fd < 0) continue;  // its run is alive
    fs::remove_all(working, error);
    fs::remove(working.string() + ".lock", error);
    ::close(fd);
  }
}

}  // namespace

fs::path OutputFolder::refuse_existing(const fs::path& final_path) {
  fs::path folder = fs::absolute(final_path).lexically_normal();
  // "out/job/" names the folder "job", not an unnamed entry inside it.
  if (!folder.has_filename()) folder = folder.parent_path();
  std::error_code error;
  if (fs::exists(folder, error))
    throw_input(Where{.file = folder.string()}, "output folder exists already; kuvert never overwrites output");
  return folder;
}

OutputFolder::OutputFolder(fs::path final_path) : final_(refuse_existing(final_path)) {
  std::error_code error;
  fs::create_directories(final_.parent_path(), error);
  std::string prefix = ".";
  prefix += final_.filename().string();
  prefix += ".partial-";
  remove_abandoned_work(final_.parent_path(), prefix);
  working_ = final_.parent_path() / (prefix + std::to_string(getpid()));
  lock_ = lock_working_folder(working_, true);
  if (lock_ < 0)
    throw_system(Where{.file = working_.string() + ".lock"}, std::string("cannot lock: ") + std::strerror(errno));
  fs::remove_all(working_, error);
  if (!fs::create_directory(working_, error))
    throw_system(Where{.file = working_.string()}, "cannot create output folder: " + error.message());
}

OutputFolder::~OutputFolder() {
  std::error_code ignored;
  if (!committed_) fs::remove_all(working_, ignored);
  fs::remove(working_.string() + ".lock", ignored);
  ::close(lock_);
}

void OutputFolder::write_file(const std::string& name, const std::string& bytes) const {
  const auto path = working_ / name;
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) throw_system(Where{.file = path.string()}, std::string("cannot create: ") + std::strerror(errno));
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    done += static_cast<std::size_t>(n);
  }
  const bool complete = done == bytes.size() && ::fsync(fd) == 0;
  const int error = errno;
  ::close(fd);
  if (!complete) throw_system(Where{.file = path.string()}, std::string("cannot write: ") + std::strerror(error));
}

void OutputFolder::sync_file(const std::string& name) const {
  const auto path = working_ / name;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  const bool synced = fd >= 0 && ::fsync(fd) == 0;
  const int error = errno;
  if (fd >= 0) ::close(fd);
  if (!synced) throw_system(Where{.file = path.string()}, std::string("cannot write: ") + std::strerror(error));
}

namespace {

void sync_folder(const std::filesystem::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;  // best effort: some file systems cannot open folders for sync
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

void OutputFolder::commit() {
  sync_folder(working_);
  // RENAME_NOREPLACE: a folder that appeared meanwhile is never replaced.
  if (renameat2(AT_FDCWD, working_.c_str(), AT_FDCWD, final_.c_str(), RENAME_NOREPLACE) != 0)
    throw_system(Where{.file = final_.string()}, std::string("cannot move output into place: ") + std::strerror(errno));
  committed_ = true;
  sync_folder(final_.parent_path());
}

void OutputFolder::publish(const std::string& name, const std::filesystem::path& target) const {
  const auto source = working_ / name;
  if (renameat2(AT_FDCWD, source.c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE) != 0)
    throw_system(Where{.file = target.string()}, std::string("cannot move output into place: ") + std::strerror(errno));
  sync_folder(target.parent_path());
}

UnnamedFile::UnnamedFile(const std::filesystem::path& folder) {
  // O_EXCL with a name of our own, then unlink: works on any file system,
  // and the name exists for microseconds only.
  const auto named = folder / (".unnamed-" + std::to_string(::getpid()));
  fd_ = ::open(named.c_str(), O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0600);
  if (fd_ < 0) throw_system(Where{.file = named.string()}, std::string("cannot create: ") + std::strerror(errno));
  ::unlink(named.c_str());
  path_ = "/proc/self/fd/" + std::to_string(fd_);
}

UnnamedFile::~UnnamedFile() { ::close(fd_); }

}  // namespace kuvert

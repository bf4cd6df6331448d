#include "stages/deliver/output_folder.hpp"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "pipeline/model/error.hpp"

namespace kuvert {

namespace fs = std::filesystem;

namespace {

// Working folders of runs that were killed (".NAME.partial-PID" whose
// process is gone) are removed, so an interrupted run leaves nothing behind
// once the job is run again.
void remove_abandoned_work(const fs::path& parent, const std::string& prefix) {
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(parent, error)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string pid_text = name.substr(prefix.size());
    char* end = nullptr;
    const long pid = std::strtol(pid_text.c_str(), &end, 10);
    if (pid_text.empty() || *end != '\0' || pid <= 0) continue;
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // still running (or not ours to judge)
    fs::remove_all(entry.path(), error);
  }
}

}  // namespace

OutputFolder::OutputFolder(fs::path final_path) : final_(fs::absolute(std::move(final_path)).lexically_normal()) {
  // "out/job/" names the folder "job", not an unnamed entry inside it.
  if (!final_.has_filename()) final_ = final_.parent_path();
  std::error_code error;
  if (fs::exists(final_, error))
    throw_input(Where{.file = final_.string()}, "output folder exists already; kuvert never overwrites output");
  fs::create_directories(final_.parent_path(), error);
  std::string prefix = ".";
  prefix += final_.filename().string();
  prefix += ".partial-";
  remove_abandoned_work(final_.parent_path(), prefix);
  const std::string hidden_name = prefix + std::to_string(getpid());
  working_ = final_.parent_path() / hidden_name;
  fs::remove_all(working_, error);
  if (!fs::create_directory(working_, error))
    throw_system(Where{.file = working_.string()}, "cannot create output folder: " + error.message());
}

OutputFolder::~OutputFolder() {
  if (committed_) return;
  std::error_code ignored;
  fs::remove_all(working_, ignored);
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

}  // namespace kuvert

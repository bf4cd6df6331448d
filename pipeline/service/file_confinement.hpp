#pragma once
// What of the file system a production child may reach, enforced by the
// kernel (Landlock): reading beneath a few folders (the system, layouts and
// fonts, the job's own input), writing beneath one (its work folder). A
// job folder whose file was swapped for a link to another client's print
// file after the intake checked it then cannot read that file, whatever
// path leads there: the rules hold for the file, not for the name.
#include <filesystem>
#include <string>
#include <vector>

namespace kuvert::service {

class FileConfinement {
 public:
  // Folders or files that do not exist are left out. Never throws: where
  // the kernel has no Landlock, available() is false and why() says so.
  FileConfinement(const std::vector<std::filesystem::path>& readable,
                  const std::vector<std::filesystem::path>& writable);
  ~FileConfinement();
  FileConfinement(const FileConfinement&) = delete;
  FileConfinement& operator=(const FileConfinement&) = delete;

  bool available() const { return ruleset_ >= 0; }
  const std::string& why() const { return why_; }

  // Confines the calling process and everything it starts, for good. For
  // the child between fork and exec: system calls only. False when the
  // kernel refused (the child must then not go on).
  bool apply() const noexcept;

 private:
  int ruleset_ = -1;
  std::string why_;
};

// The system folders every kuvert process reads: libraries, configuration,
// Tesseract's data, /proc (kuvert reopens its unnamed files there) and the
// devices null, zero and random (not /dev/shm, where anyone may write).
std::vector<std::filesystem::path> system_folders();

}  // namespace kuvert::service

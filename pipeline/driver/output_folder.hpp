#pragma once
#include <filesystem>
#include <string>

namespace kuvert {

// A file without a name, for work that must not outlive the run: it is
// removed from its folder as soon as it is made (readable by its owner
// only), and gone with this object or with the process, however that ends.
// Open it again by path() (/proc/self/fd/N) while the object lives.
class UnnamedFile {
 public:
  // Throws kuvert::Error (system) when the file cannot be made in `folder`.
  explicit UnnamedFile(const std::filesystem::path& folder);
  ~UnnamedFile();
  UnnamedFile(const UnnamedFile&) = delete;
  UnnamedFile& operator=(const UnnamedFile&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  int fd_ = -1;
  std::filesystem::path path_;
};

// A job's output folder that appears complete or not at all: everything is
// written into a hidden sibling (".NAME.partial-PID"), which commit()
// renames into place. An existing folder is never overwritten; an
// uncommitted one is removed, and so are those a killed run left behind
// (each run holds a lock beside its working folder while it lives).
class OutputFolder {
 public:
  // Throws kuvert::Error (input) if `final_path` exists, (system) if the
  // working folder cannot be made.
  explicit OutputFolder(std::filesystem::path final_path);

  // `final_path` as the folder it names ("out/job/" is "out/job"); throws
  // kuvert::Error (input) if it exists. Lets a caller refuse early, before
  // any work, what the constructor would refuse.
  static std::filesystem::path refuse_existing(const std::filesystem::path& final_path);
  ~OutputFolder();
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;

  // Where to write until commit().
  const std::filesystem::path& path() const { return working_; }
  // Writes a small file (ticket, manifest) into the folder and syncs it.
  // Throws kuvert::Error (system).
  void write_file(const std::string& name, const std::string& bytes) const;
  // Syncs the file `name`, written into the folder by other means.
  // Throws kuvert::Error (system).
  void sync_file(const std::string& name) const;
  // Syncs the folder and renames it into place: after a crash the final
  // folder exists with every file complete, or not at all.
  void commit();
  // Moves the finished file `name` of the (uncommitted) folder to
  // `target`, which must be on the same file system and is never replaced:
  // for a command whose output is one file, written here first.
  void publish(const std::string& name, const std::filesystem::path& target) const;

 private:
  std::filesystem::path final_;
  std::filesystem::path working_;
  int lock_ = -1;  // held while the working folder exists; see the .cpp
  bool committed_ = false;
};

}  // namespace kuvert

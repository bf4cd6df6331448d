#include "pipeline/service/inbox_files.hpp"

#include <sys/stat.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <fstream>
#include <thread>

#include "pipeline/model/error.hpp"
#include "tests/support/file_text.hpp"
#include "tests/support/temp_folder.hpp"

namespace kuvert::service {
namespace {

namespace fs = std::filesystem;

// A folder on another file system than `other` (tmpfs), as an inbox on a
// network share is; not usable() when the machine has none.
class OtherFileSystemFolder {
 public:
  explicit OtherFileSystemFolder(const fs::path& other) {
    std::string pattern = "/dev/shm/kuvert-inbox-XXXXXX";
    if (::mkdtemp(pattern.data()) != nullptr) path_ = pattern;
    struct stat mine {
    }, theirs{};
    usable_ = !path_.empty() && ::stat(path_.c_str(), &mine) == 0 && ::stat(other.c_str(), &theirs) == 0 &&
              mine.st_dev != theirs.st_dev;
    if (!usable_) WARN("no second file system (/dev/shm) here: nothing to test");
  }
  ~OtherFileSystemFolder() {
    std::error_code error;
    if (!path_.empty()) fs::remove_all(path_, error);
  }
  bool usable() const { return usable_; }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
  bool usable_ = false;
};

TEST_CASE("a move across file systems never loses a file written into the entry meanwhile", "[service]") {
  test::TempFolder store;
  OtherFileSystemFolder inbox(store.path());
  if (!inbox.usable()) return;
  const fs::path from = inbox.path() / "job-a";
  fs::create_directories(from);
  std::ofstream(from / "spool.pdf", std::ios::binary) << std::string(96 << 20, 'x');  // slow enough to copy
  std::ofstream(from / "job.json") << "{}";
  const fs::path to = store.path() / "inputs" / "1" / "job-a";

  // The late writer adds a file as soon as the copy has begun.
  std::atomic<bool> done{false};
  std::thread writer([&] {
    while (!done && !fs::exists(partial_path(to))) std::this_thread::yield();
    std::ofstream(from / "late.pdf") << "written while the entry was copied";
  });
  std::string failure;
  try {
    move_entry(from, to);
  } catch (const Error& error) {
    failure = error.what();
  }
  done = true;
  writer.join();

  // Each file is in the store or in the inbox, whole; none is lost.
  const bool late_in_store = fs::exists(to / "late.pdf"), late_in_inbox = fs::exists(from / "late.pdf");
  CHECK(late_in_store != late_in_inbox);
  CHECK(fs::exists(to / "spool.pdf") != fs::exists(from / "spool.pdf"));
  if (!failure.empty()) {
    CHECK(failure.find("changed while it was copied into the store; it stays in the inbox and is taken later") !=
          std::string::npos);
    CHECK_FALSE(fs::exists(to));
    CHECK_FALSE(fs::exists(partial_path(to)));
    CHECK(fs::file_size(from / "spool.pdf") == (96u << 20));
  } else {
    CHECK(fs::file_size(to / "spool.pdf") == (96u << 20));
    CHECK(late_in_inbox);  // written after the check: left for the next intake
  }
}

TEST_CASE("a move across file systems takes the whole entry when nobody writes", "[service]") {
  test::TempFolder store;
  OtherFileSystemFolder inbox(store.path());
  if (!inbox.usable()) return;
  const fs::path from = inbox.path() / "job-b";
  fs::create_directories(from / "beilagen");
  std::ofstream(from / "job.json") << "{}";
  std::ofstream(from / "beilagen" / "a.pdf") << "%PDF-1.7";
  const fs::path to = store.path() / "inputs" / "2" / "job-b";
  move_entry(from, to);
  CHECK_FALSE(fs::exists(from));
  CHECK(test::read_file(to / "job.json") == "{}");
  CHECK(test::read_file(to / "beilagen" / "a.pdf") == "%PDF-1.7");
}

}  // namespace
}  // namespace kuvert::service

namespace kuvert::service {
namespace {

TEST_CASE("an entry with a name of 255 bytes goes to error/ under a shorter one, its reason beside it", "[service]") {
  test::TempFolder inbox;
  const std::string name = std::string(250, 'a') + ".json";
  std::ofstream(inbox.path() / name) << "{";
  const fs::path target = refuse_entry(inbox.path() / name, inbox.path(), "is not valid JSON");
  CHECK(target == inbox.path() / "error" / (std::string(192, 'a') + "~cut"));
  CHECK(test::read_file(target) == "{");
  CHECK(test::read_file(target.string() + ".error.txt") == name + ": is not valid JSON\n");
  CHECK_FALSE(fs::exists(inbox.path() / name));
}

}  // namespace
}  // namespace kuvert::service

// Landlock through its system calls (glibc 2.36 has no wrappers). Only the
// file-system rights of ABI 1 and 2 are handled; rights a newer kernel adds
// stay allowed, so that a newer kernel never breaks a child here.
#include "pipeline/service/file_confinement.hpp"

#include <fcntl.h>
#include <linux/landlock.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kuvert::service {

namespace fs = std::filesystem;

namespace {

constexpr __u64 kRead = LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR;
// Rights that apply to files (not folders), for a rule on a single file.
constexpr __u64 kFileRights = LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_WRITE_FILE;

__u64 all_rights(long abi) {
  __u64 rights = (LANDLOCK_ACCESS_FS_MAKE_SYM << 1) - 1;  // ABI 1: bits 0 to 12
  if (abi >= 2) rights |= LANDLOCK_ACCESS_FS_REFER;
  return rights;
}

}  // namespace

FileConfinement::FileConfinement(const std::vector<fs::path>& readable, const std::vector<fs::path>& writable) {
  const long abi = ::syscall(SYS_landlock_create_ruleset, nullptr, 0, LANDLOCK_CREATE_RULESET_VERSION);
  if (abi < 1) {
    why_ = std::string("the kernel has no Landlock (") + std::strerror(errno) + ")";
    return;
  }
  const __u64 handled = all_rights(abi);
  landlock_ruleset_attr attributes{};
  attributes.handled_access_fs = handled;
  const long ruleset = ::syscall(SYS_landlock_create_ruleset, &attributes, sizeof attributes, 0);
  if (ruleset < 0) {
    why_ = std::string("Landlock refused a ruleset (") + std::strerror(errno) + ")";
    return;
  }
  ruleset_ = static_cast<int>(ruleset);
  const auto allow = [&](const fs::path& path, __u64 rights) {
    const int fd = ::open(path.c_str(), O_PATH | O_CLOEXEC);
    if (fd < 0) return;  // not on this machine
    std::error_code error;
    landlock_path_beneath_attr rule{};
    rule.allowed_access = fs::is_directory(path, error) ? rights : rights & kFileRights;
    rule.parent_fd = fd;
    ::syscall(SYS_landlock_add_rule, ruleset_, LANDLOCK_RULE_PATH_BENEATH, &rule, 0);
    ::close(fd);
  };
  for (const auto& path : readable) allow(path, kRead);
  for (const auto& path : writable) allow(path, handled);
}

FileConfinement::~FileConfinement() {
  if (ruleset_ >= 0) ::close(ruleset_);
}

bool FileConfinement::apply() const noexcept {
  if (ruleset_ < 0) return true;
  return ::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0 && ::syscall(SYS_landlock_restrict_self, ruleset_, 0) == 0;
}

std::vector<fs::path> system_folders() {
  return {"/usr",      "/lib",      "/lib64",       "/lib32",      "/bin",
          "/sbin",     "/etc",      "/opt",         "/proc",       "/sys",
          "/dev/null", "/dev/zero", "/dev/urandom", "/dev/random", "/var/cache/fontconfig"};
}

}  // namespace kuvert::service

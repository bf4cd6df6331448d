#include "pipeline/store/store.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>

#include "pipeline/model/error.hpp"
#include "pipeline/store/audit_trail.hpp"
#include "pipeline/store/postgres_database.hpp"
#include "pipeline/store/sqlite_database.hpp"
#include "pipeline/store/store_schema.hpp"

namespace kuvert::store {

namespace fs = std::filesystem;

namespace {

fs::path prepared_folder(const fs::path& folder) {
  std::error_code error;
  fs::create_directories(folder / "inputs", error);
  if (!error) fs::create_directories(folder / "jobs", error);
  if (error) {
    Where where;
    where.file = folder.string();
    throw_system(where, "cannot create the job store folder: " + error.message());
  }
  return folder;
}

[[noreturn]] void key_failure(const fs::path& file, const std::string& what) {
  Where where;
  where.file = file.string();
  throw_system(where, what + ": " + std::strerror(errno));
}

// Reads the key, or makes one when the store is new (no audit records yet
// could have been sealed with another).
bool audit_begun(Database& database) {
  Statement records(database, "SELECT (SELECT count(*) FROM audit) + (SELECT count(*) FROM audit_head)");
  return records.step() && records.integer(0) > 0;
}

AuditKey load_audit_key(const fs::path& file, Database& database) {
  AuditKey key{};
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  bool missing = fd < 0 && errno == ENOENT;
  // A new key for a trail sealed with the old one would make every record
  // look forged: only a store without audit records gets one. (Another
  // process opening the new store may have made the key and its first
  // record since the key was looked for: look again.)
  if (missing && audit_begun(database)) {
    fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT) {
      Where where;
      where.file = file.string();
      throw_system(where, "the audit key is missing, but the audit trail has records sealed with it; restore " +
                              file.filename().string() + " from the backup of this store");
    }
    missing = false;
  }
  if (missing) {
    randombytes_buf(key.data(), key.size());
    // A name of its own: others may be making a key at the same moment.
    const fs::path temporary =
        file.string() + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(randombytes_random());
    fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) key_failure(temporary, "cannot create the audit key");
    const bool written = ::write(fd, key.data(), key.size()) == static_cast<ssize_t>(key.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!written) key_failure(temporary, "cannot write the audit key");
    // link, not rename: a second process opening a new store at the same
    // moment keeps the key the first one made.
    const bool made = ::link(temporary.c_str(), file.c_str()) == 0;
    const int link_error = errno;
    ::unlink(temporary.c_str());
    if (made) return key;
    errno = link_error;
    if (link_error != EEXIST) key_failure(file, "cannot write the audit key");
    fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  }
  if (fd < 0) key_failure(file, "cannot read the audit key");
  const ssize_t got = ::read(fd, key.data(), key.size());
  ::close(fd);
  if (got != static_cast<ssize_t>(key.size())) {
    Where where;
    where.file = file.string();
    throw_system(where, "the audit key must be " + std::to_string(key.size()) + " bytes");
  }
  return key;
}

// A folder that holds an SQLite store is not the file area of another in
// PostgreSQL: its taken inputs and job folders are named after ids the new
// database would give again.
const fs::path& file_area(const StoreOptions& options) {
  std::error_code error;
  if (!options.url.empty() && fs::exists(options.folder / "kuvert.db", error)) {
    Where where;
    where.file = options.folder.string();
    throw_system(where,
                 "holds an SQLite job store (kuvert.db); a store in PostgreSQL ([store] url) needs a folder "
                 "of its own, or the SQLite store moved into it first (kuvert store migrate)");
  }
  return options.folder;
}

}  // namespace

Store::Store(const StoreOptions& options)
    : folder_(prepared_folder(file_area(options))),
      database_(options.url.empty()
                    ? std::unique_ptr<Database>(std::make_unique<SqliteDatabase>(folder_ / "kuvert.db", options.wal))
                    : std::make_unique<PostgresDatabase>(options.url)) {
  if (sodium_init() < 0) throw_system({}, "libsodium cannot start");
  if (options.url.empty()) ::chmod((folder_ / "kuvert.db").c_str(), 0600);  // personal data
  const bool created = migrate(*database_);
  audit_key_ = load_audit_key(folder_ / "audit.key", *database_);
  // Every trail begins with the store's creation, so that a trail emptied
  // by hand shows as such.
  if (created) {
    Transaction transaction(*database_);
    append_audit(*this, {iso_time(std::time(nullptr)), "kuvert", "store created", "store", folder_.string()});
    transaction.commit();
  }
}

}  // namespace kuvert::store

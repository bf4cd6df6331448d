#include "pipeline/store/sqlite_database.hpp"

#include <chrono>
#include <thread>

#include <sqlite3.h>

#include "pipeline/model/error.hpp"

namespace kuvert::store {

namespace {

Where store_file(const std::filesystem::path& file) {
  Where where;
  where.file = file.string();
  return where;
}

}  // namespace

Database::Database(const std::filesystem::path& file, bool wal) : file_(file) {
  const int status =
      sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (status != SQLITE_OK) {
    const std::string reason = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(status);
    sqlite3_close(db_);
    db_ = nullptr;
    throw_system(store_file(file), "cannot open the job store: " + reason);
  }
  // Writers from the service and the command line wait for each other
  // rather than fail at once.
  sqlite3_busy_timeout(db_, 10000);
  // Changing the journal mode of a new file takes an exclusive lock, for
  // which SQLite does not wait: processes opening a new store at once
  // take turns.
  const char* journal = wal ? "PRAGMA journal_mode=WAL" : "PRAGMA journal_mode=DELETE";
  for (int attempt = 0;; ++attempt) {
    const int result = sqlite3_exec(db_, journal, nullptr, nullptr, nullptr);
    if (result == SQLITE_OK) break;
    if ((result != SQLITE_BUSY && result != SQLITE_LOCKED) || attempt == 1000) execute(journal);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  // FULL: a committed state change survives a power cut, not only a crash.
  execute("PRAGMA synchronous=FULL");
  execute("PRAGMA foreign_keys=ON");
}

Database::~Database() { sqlite3_close(db_); }

void Database::fail(const std::string& what) const {
  throw_system(store_file(file_), what + ": " + sqlite3_errmsg(db_));
}

void Database::execute(std::string_view sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string reason = message ? message : "unknown error";
    sqlite3_free(message);
    throw_system(store_file(file_), "job store: " + reason);
  }
}

std::int64_t Database::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
int Database::changes() const { return sqlite3_changes(db_); }

Statement::Statement(Database& database, std::string_view sql) : database_(database) {
  if (sqlite3_prepare_v2(database.handle(), sql.data(), static_cast<int>(sql.size()), &statement_, nullptr) !=
      SQLITE_OK)
    database.fail("job store statement");
}

Statement::~Statement() { sqlite3_finalize(statement_); }

Statement& Statement::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(statement_, index, value) != SQLITE_OK) database_.fail("job store");
  return *this;
}

Statement& Statement::bind(int index, const std::string& value) {
  if (sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT) != SQLITE_OK)
    database_.fail("job store");
  return *this;
}

Statement& Statement::bind(int index, double value) {
  if (sqlite3_bind_double(statement_, index, value) != SQLITE_OK) database_.fail("job store");
  return *this;
}

Statement& Statement::bind_or_null(int index, const std::optional<std::int64_t>& value) {
  if (value) return bind(index, *value);
  if (sqlite3_bind_null(statement_, index) != SQLITE_OK) database_.fail("job store");
  return *this;
}

Statement& Statement::bind_or_null(int index, const std::string& value) {
  if (!value.empty()) return bind(index, value);
  if (sqlite3_bind_null(statement_, index) != SQLITE_OK) database_.fail("job store");
  return *this;
}

bool Statement::step() {
  switch (sqlite3_step(statement_)) {
    case SQLITE_ROW:
      return true;
    case SQLITE_DONE:
      return false;
    default:
      database_.fail("job store");
  }
}

void Statement::run() {
  while (step()) {
  }
}

void Statement::reset() { sqlite3_reset(statement_); }

std::int64_t Statement::integer(int column) const { return sqlite3_column_int64(statement_, column); }

std::optional<std::int64_t> Statement::integer_or_null(int column) const {
  if (sqlite3_column_type(statement_, column) == SQLITE_NULL) return std::nullopt;
  return integer(column);
}

double Statement::real(int column) const { return sqlite3_column_double(statement_, column); }

std::string Statement::text(int column) const {
  const auto* bytes = sqlite3_column_text(statement_, column);
  return bytes ? std::string(reinterpret_cast<const char*>(bytes), sqlite3_column_bytes(statement_, column))
               : std::string();
}

Transaction::Transaction(Database& database)
    : database_(database), joined_(sqlite3_get_autocommit(database.handle()) == 0) {
  if (!joined_) database_.execute("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  if (open_ && !joined_) sqlite3_exec(database_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
  if (!joined_) database_.execute("COMMIT");
  open_ = false;
}

}  // namespace kuvert::store

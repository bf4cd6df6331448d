#include "pipeline/store/sqlite_database.hpp"

#include <sqlite3.h>

#include <chrono>
#include <thread>

#include "pipeline/model/error.hpp"

namespace kuvert::store {

namespace {

Where store_file(const std::filesystem::path& file) {
  Where where;
  where.file = file.string();
  return where;
}

class SqliteCursor : public Cursor {
 public:
  SqliteCursor(const SqliteDatabase& database, sqlite3* db, std::string_view sql) : database_(database) {
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &statement_, nullptr) != SQLITE_OK)
      database.fail("job store statement");
  }
  ~SqliteCursor() override { sqlite3_finalize(statement_); }
  SqliteCursor(const SqliteCursor&) = delete;
  SqliteCursor& operator=(const SqliteCursor&) = delete;

  void bind_integer(int index, std::int64_t value) override { check(sqlite3_bind_int64(statement_, index, value)); }
  void bind_real(int index, double value) override { check(sqlite3_bind_double(statement_, index, value)); }
  void bind_text(int index, const std::string& value) override {
    check(sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT));
  }
  void bind_null_text(int index) override { check(sqlite3_bind_null(statement_, index)); }
  void bind_null_integer(int index) override { check(sqlite3_bind_null(statement_, index)); }
  bool step() override {
    const int status = sqlite3_step(statement_);
    if (status != SQLITE_ROW && status != SQLITE_DONE) database_.fail("job store");
    return status == SQLITE_ROW;
  }
  void reset() override { sqlite3_reset(statement_); }
  bool is_null(int column) const override { return sqlite3_column_type(statement_, column) == SQLITE_NULL; }
  std::int64_t integer(int column) const override { return sqlite3_column_int64(statement_, column); }
  double real(int column) const override { return sqlite3_column_double(statement_, column); }
  std::string text(int column) const override {
    const auto* bytes = sqlite3_column_text(statement_, column);
    return bytes ? std::string(reinterpret_cast<const char*>(bytes), sqlite3_column_bytes(statement_, column))
                 : std::string();
  }

 private:
  void check(int status) const {
    if (status != SQLITE_OK) database_.fail("job store");
  }

  const SqliteDatabase& database_;
  sqlite3_stmt* statement_ = nullptr;
};

}  // namespace

SqliteDatabase::SqliteDatabase(const std::filesystem::path& file, bool wal) : file_(file) {
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

SqliteDatabase::~SqliteDatabase() { sqlite3_close(db_); }

void SqliteDatabase::fail(const std::string& what) const {
  throw_system(store_file(file_), what + ": " + sqlite3_errmsg(db_));
}

void SqliteDatabase::execute(std::string_view sql) {
  char* message = nullptr;
  if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    const std::string reason = message ? message : "unknown error";
    sqlite3_free(message);
    throw_system(store_file(file_), "job store: " + reason);
  }
}

int SqliteDatabase::changes() const { return sqlite3_changes(db_); }

std::unique_ptr<Cursor> SqliteDatabase::prepare(std::string_view sql) {
  return std::make_unique<SqliteCursor>(*this, db_, sql);
}

// IMMEDIATE: the write lock is taken at the start, so two writers queue
// (busy_timeout) instead of failing halfway. SQLite locks the whole file,
// for whatever rows.
void SqliteDatabase::begin(Locking) { execute("BEGIN IMMEDIATE"); }
void SqliteDatabase::commit() { execute("COMMIT"); }
void SqliteDatabase::rollback() noexcept { sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr); }
bool SqliteDatabase::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }
std::string SqliteDatabase::description() const { return "SQLite " + file_.string(); }

}  // namespace kuvert::store

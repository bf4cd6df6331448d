#pragma once
// The store's database in SQLite (kuvert.db in the store folder), for one
// machine: one connection per thread (SQLite connections are not shared),
// statements prepared per use, writers queued by BEGIN IMMEDIATE.
#include <filesystem>

#include "pipeline/store/database.hpp"

struct sqlite3;

namespace kuvert::store {

class SqliteDatabase : public Database {
 public:
  // Opens (creating if need be) the store file. `wal` selects WAL
  // journaling; a store on a network share needs the rollback journal.
  SqliteDatabase(const std::filesystem::path& file, bool wal);
  ~SqliteDatabase() override;
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;

  Dialect dialect() const override { return Dialect::sqlite; }
  std::unique_ptr<Cursor> prepare(std::string_view sql) override;
  void execute(std::string_view sql) override;
  int changes() const override;
  void begin(Locking locking) override;
  void commit() override;
  void rollback() noexcept override;
  bool in_transaction() const override;
  std::string description() const override;
  [[noreturn]] void fail(const std::string& what) const override;

 private:
  std::filesystem::path file_;
  sqlite3* db_ = nullptr;
};

}  // namespace kuvert::store

#pragma once
// A thin RAII layer over SQLite: one Database per thread (SQLite
// connections are not shared), statements prepared per use, and every state
// change inside a Transaction. Errors become kuvert::Error (system) naming
// the store file.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace kuvert::store {

class Database;

// One prepared statement; parameters are bound by position from 1.
class Statement {
 public:
  Statement(Database& database, std::string_view sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, double value);
  Statement& bind(int index, const std::string& value);
  // NULL for an empty text or number (a column whose absence is NULL).
  Statement& bind_or_null(int index, const std::string& value);
  Statement& bind_or_null(int index, const std::optional<std::int64_t>& value);
  // Steps once: true while a row is there to read.
  bool step();
  // Steps to the end (for statements that return no rows).
  void run();
  // Ready to bind and run again: one statement prepared for many rows.
  void reset();

  std::int64_t integer(int column) const;
  std::optional<std::int64_t> integer_or_null(int column) const;
  double real(int column) const;
  std::string text(int column) const;

  // The store's one way of reading records: every row (or the first, if
  // any) made by `read`, a function of the statement standing at a row.
  template <typename Read>
  auto rows(Read read) -> std::vector<std::invoke_result_t<Read, Statement&>> {
    std::vector<std::invoke_result_t<Read, Statement&>> result;
    while (step()) result.push_back(read(*this));
    return result;
  }
  template <typename Read>
  auto first(Read read) -> std::optional<std::invoke_result_t<Read, Statement&>> {
    if (!step()) return std::nullopt;
    return read(*this);
  }

 private:
  Database& database_;
  sqlite3_stmt* statement_ = nullptr;
};

class Database {
 public:
  // Opens (creating if need be) the store file. `wal` selects WAL
  // journaling; a store on a network share needs the rollback journal.
  Database(const std::filesystem::path& file, bool wal);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void execute(std::string_view sql);  // statements without parameters
  std::int64_t last_insert_id() const;
  int changes() const;
  const std::filesystem::path& file() const { return file_; }
  sqlite3* handle() { return db_; }
  [[noreturn]] void fail(const std::string& what) const;

 private:
  std::filesystem::path file_;
  sqlite3* db_ = nullptr;
};

// BEGIN IMMEDIATE ... COMMIT: the write lock is taken at the start, so two
// writers queue instead of failing halfway. Rolled back unless committed.
// One begun inside another joins it: its work commits or rolls back with
// the outer one (a results file marks its input done in the transaction
// that applies it).
class Transaction {
 public:
  explicit Transaction(Database& database);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Database& database_;
  bool open_ = true;
  bool joined_ = false;
};

}  // namespace kuvert::store

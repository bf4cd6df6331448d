#pragma once
// The job store's database, whichever keeps it: SQLite in the store folder
// on one machine, PostgreSQL for several. The store's functions speak SQL
// both understand through Statement and Transaction; a Database says how
// its library runs it. Errors become kuvert::Error (system) naming the
// store.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace kuvert::store {

// One statement as a database's library runs it; parameters are bound by
// position from 1, columns read from 0.
class Cursor {
 public:
  virtual ~Cursor() = default;
  virtual void bind_integer(int index, std::int64_t value) = 0;
  virtual void bind_real(int index, double value) = 0;
  virtual void bind_text(int index, const std::string& value) = 0;
  // NULL as a text or as a number: PostgreSQL wants to know which.
  virtual void bind_null_text(int index) = 0;
  virtual void bind_null_integer(int index) = 0;
  virtual bool step() = 0;
  virtual void reset() = 0;
  virtual bool is_null(int column) const = 0;
  virtual std::int64_t integer(int column) const = 0;
  virtual double real(int column) const = 0;
  virtual std::string text(int column) const = 0;
};

// Where the two differ (the schema, how its version is kept), the store
// asks which it speaks.
enum class Dialect { sqlite, postgresql };

// What a writing transaction locks: the store (its one write lock, which
// every change the audit trail follows takes), or only the rows it changes
// (a worker claiming a unit of work, which other workers skip rather than
// wait for). SQLite has only the first.
enum class Locking { store, rows };

class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;
  // SQL with ? or ?N parameters.
  virtual std::unique_ptr<Cursor> prepare(std::string_view sql) = 0;
  virtual void execute(std::string_view sql) = 0;  // statements without parameters
  // Rows the last statement inserted, changed or deleted.
  virtual int changes() const = 0;
  // A writing transaction: it holds the store's write lock from its start,
  // so that writers queue rather than fail halfway or act on what another
  // is changing.
  virtual void begin(Locking locking) = 0;
  virtual void commit() = 0;
  virtual void rollback() noexcept = 0;
  virtual bool in_transaction() const = 0;
  // Notifications between the processes sharing the store: PostgreSQL's
  // LISTEN and NOTIFY. SQLite has none; its processes poll.
  virtual bool notifies() const { return false; }
  virtual void listen(const std::string& /*channel*/) {}
  // Waits up to `timeout` for a notification on a channel listened to;
  // true when one (or more) came.
  virtual bool await_notification(std::chrono::milliseconds /*timeout*/) { return false; }
  // "PostgreSQL" or "SQLite", and where: for messages and the console.
  virtual std::string description() const = 0;
  [[noreturn]] virtual void fail(const std::string& what) const = 0;
};

// One statement of the store, run as its database runs it.
class Statement {
 public:
  Statement(Database& database, std::string_view sql) : database_(database), cursor_(database.prepare(sql)) {}

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, double value);
  Statement& bind(int index, const std::string& value);
  // NULL for an empty text or number (a column whose absence is NULL).
  Statement& bind_or_null(int index, const std::string& value);
  Statement& bind_or_null(int index, const std::optional<std::int64_t>& value);
  // Steps once: true while a row is there to read.
  bool step() { return cursor_->step(); }
  // Steps to the end (for statements that return no rows).
  void run();
  // An INSERT ... RETURNING id run: the id of the row it made.
  std::int64_t returned_id();
  // Ready to bind and run again: one statement prepared for many rows.
  void reset() { cursor_->reset(); }

  bool is_null(int column) const { return cursor_->is_null(column); }
  std::int64_t integer(int column) const { return cursor_->integer(column); }
  std::optional<std::int64_t> integer_or_null(int column) const;
  double real(int column) const { return cursor_->real(column); }
  std::string text(int column) const { return cursor_->text(column); }

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
  std::unique_ptr<Cursor> cursor_;
};

// Begins a writing transaction (Database::begin), rolled back unless
// committed. One begun inside another joins it: its work commits or rolls
// back with the outer one (a results file marks its input done in the
// transaction that applies it).
class Transaction {
 public:
  explicit Transaction(Database& database, Locking locking = Locking::store);
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

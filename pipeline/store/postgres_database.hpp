#pragma once
// The store's database in PostgreSQL ([store] url), shared by the hosts of
// a centre: one connection per thread, through libpq. Parameters go typed
// (text, bigint, double precision) so that the store's SQL means the same
// as in SQLite; a writing transaction takes the store's one write lock (a
// transaction-scoped advisory lock), so writers queue across hosts as they
// do in one SQLite file.
#include <string>
#include <vector>

#include "pipeline/store/database.hpp"

struct pg_conn;

namespace kuvert::store {

class PostgresDatabase : public Database {
 public:
  // `url`: "postgresql://user@host/database" or "postgresql:///kuvert?host=/run/pg".
  explicit PostgresDatabase(const std::string& url);
  ~PostgresDatabase() override;
  PostgresDatabase(const PostgresDatabase&) = delete;
  PostgresDatabase& operator=(const PostgresDatabase&) = delete;

  Dialect dialect() const override { return Dialect::postgresql; }
  std::unique_ptr<Cursor> prepare(std::string_view sql) override;
  void execute(std::string_view sql) override;
  int changes() const override { return changes_; }
  void begin(Locking locking) override;
  void commit() override;
  void rollback() noexcept override;
  bool in_transaction() const override;
  bool notifies() const override { return true; }
  void listen(const std::string& channel) override;
  bool await_notification(std::chrono::milliseconds timeout) override;
  std::string description() const override;
  [[noreturn]] void fail(const std::string& what) const override;

  pg_conn* connection() { return connection_; }
  void set_changes(int changes) { changes_ = changes; }
  // A connection the server dropped (a restart, a failover) is made again
  // outside transactions, listening again to what it listened to.
  void reconnect_if_dropped();

 private:
  bool take_notifications();

  pg_conn* connection_ = nullptr;  // never null once constructed
  std::vector<std::string> channels_;
  int changes_ = 0;
};

// The store's SQL for PostgreSQL: ? and ?N parameters as $N (outside
// quoted text).
std::string postgres_sql(std::string_view sql);

}  // namespace kuvert::store

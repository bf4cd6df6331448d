#include "pipeline/store/postgres_database.hpp"

#include <libpq-fe.h>
#include <poll.h>

#include <charconv>
#include <cstdlib>
#include <optional>
#include <vector>

#include "pipeline/model/error.hpp"
#include "pipeline/model/utf8.hpp"

namespace kuvert::store {

namespace {

// Type oids of PostgreSQL's catalogue (pg_type.dat), fixed since 7.x.
constexpr Oid kBigint = 20, kText = 25, kDouble = 701;
// A writing transaction: read committed (whatever the server's default),
// waiting for locks a while as SQLite's busy timeout does; with the store's
// one write lock taken first (an advisory lock of a key of kuvert's own)
// unless it locks only the rows it claims.
constexpr const char* kBeginRows = "BEGIN ISOLATION LEVEL READ COMMITTED; SET LOCAL lock_timeout = '30s'";
constexpr const char* kTakeStoreLock = "; SELECT pg_advisory_xact_lock(118485547624820)";

struct ResultFree {
  void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultFree>;

bool succeeded(const PGresult* result) {
  const auto status = PQresultStatus(result);
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

class PostgresCursor : public Cursor {
 public:
  PostgresCursor(PostgresDatabase& database, std::string_view sql) : database_(database), sql_(postgres_sql(sql)) {}

  void bind_integer(int index, std::int64_t value) override { set(index, std::to_string(value), kBigint); }
  void bind_real(int index, double value) override {
    char text[32];
    const auto end = std::to_chars(text, text + sizeof text, value).ptr;
    set(index, std::string(text, end), kDouble);
  }
  // PostgreSQL takes well-formed UTF-8 only (a Latin-1 file name from a
  // Windows share is not).
  void bind_text(int index, const std::string& value) override { set(index, well_formed_utf8(value), kText); }
  void bind_null_text(int index) override { set(index, std::nullopt, kText); }
  void bind_null_integer(int index) override { set(index, std::nullopt, kBigint); }

  bool step() override {
    if (!result_) run();
    return ++row_ < PQntuples(result_.get());
  }
  void reset() override { result_.reset(); }

  bool is_null(int column) const override { return PQgetisnull(result_.get(), row_, column) != 0; }
  std::int64_t integer(int column) const override {
    const char* value = PQgetvalue(result_.get(), row_, column);
    if (value[0] == 't' || value[0] == 'f') return value[0] == 't';  // a boolean
    std::int64_t number = 0;
    std::from_chars(value, value + PQgetlength(result_.get(), row_, column), number);
    return number;
  }
  double real(int column) const override { return std::strtod(PQgetvalue(result_.get(), row_, column), nullptr); }
  std::string text(int column) const override {
    return std::string(PQgetvalue(result_.get(), row_, column),
                       static_cast<std::size_t>(PQgetlength(result_.get(), row_, column)));
  }

 private:
  void set(int index, std::optional<std::string> value, Oid type) {
    const auto slot = static_cast<std::size_t>(index - 1);
    if (values_.size() <= slot) {
      values_.resize(slot + 1);
      types_.resize(slot + 1, 0);
    }
    values_[slot] = std::move(value);
    types_[slot] = type;
  }

  void run() {
    // Outside a transaction, a connection the server dropped is made again.
    if (!database_.in_transaction()) database_.reconnect_if_dropped();
    std::vector<const char*> values;
    for (const auto& value : values_) values.push_back(value ? value->c_str() : nullptr);
    result_.reset(PQexecParams(database_.connection(), sql_.c_str(), static_cast<int>(values.size()), types_.data(),
                               values.data(), nullptr, nullptr, 0));
    if (!result_ || !succeeded(result_.get())) database_.fail("job store");
    // Rows the last INSERT, UPDATE or DELETE touched (also with RETURNING),
    // as SQLite's changes(), which a SELECT leaves as it was.
    if (!std::string_view(PQcmdStatus(result_.get())).starts_with("SELECT")) {
      const char* changed = PQcmdTuples(result_.get());
      database_.set_changes(changed[0] ? std::atoi(changed) : 0);
    }
    row_ = -1;
  }

  PostgresDatabase& database_;
  std::string sql_;
  std::vector<std::optional<std::string>> values_;
  std::vector<Oid> types_;
  Result result_;
  int row_ = -1;
};

}  // namespace

std::string postgres_sql(std::string_view sql) {
  std::string translated;
  translated.reserve(sql.size() + 16);
  int next = 0;
  char quote = 0;
  for (std::size_t at = 0; at < sql.size(); ++at) {
    const char c = sql[at];
    if (quote) {
      if (c == quote) quote = 0;  // a doubled quote closes and opens again
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '?') {
      translated += '$';
      if (at + 1 < sql.size() && sql[at + 1] >= '0' && sql[at + 1] <= '9') continue;  // ?N: its digits follow
      translated += std::to_string(++next);
      continue;
    }
    translated += c;
  }
  return translated;
}

namespace {

// libpq's last message, without the line break it ends with.
std::string last_error(const pg_conn* connection) {
  std::string reason = PQerrorMessage(connection);
  while (!reason.empty() && (reason.back() == '\n' || reason.back() == ' ')) reason.pop_back();
  return reason;
}

[[noreturn]] void connection_failure(const std::string& reason) {
  Where where;
  where.file = "[store] url";
  throw_system(where, "cannot connect to the job store in PostgreSQL: " + reason);
}

// The URL read by libpq before connecting: its own message about a URL it
// cannot read may quote the URL's parts, the password among them.
void check_url(const std::string& url) {
  char* message = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &message);
  PQconninfoFree(options);
  PQfreemem(message);
  if (!options)
    connection_failure(
        "the URL does not read as libpq's (postgresql://USER@HOST:PORT/DATABASE?OPTIONS, with "
        "special characters %-encoded)");
}

}  // namespace

PostgresDatabase::PostgresDatabase(const std::string& url) {
  check_url(url);
  // A host cut off from the database finds out in seconds, not minutes,
  // so that its heartbeat says so before its lease runs out; the URL's own
  // settings, after these, win.
  const char* const keys[] = {"connect_timeout",  "keepalives",       "keepalives_idle", "keepalives_interval",
                              "keepalives_count", "tcp_user_timeout", "dbname",          nullptr};
  const char* const values[] = {"10", "1", "10", "5", "3", "20000", url.c_str(), nullptr};
  connection_ = PQconnectdbParams(keys, values, 1);
  if (!connection_ || PQstatus(connection_) != CONNECTION_OK) {
    const std::string reason = connection_ ? last_error(connection_) : "out of memory";
    PQfinish(connection_);
    connection_ = nullptr;
    connection_failure(reason);
  }
  // The server's notices (a table that already exists) are not for the log.
  PQsetNoticeProcessor(
      connection_, [](void*, const char*) {}, nullptr);
  execute("SET client_min_messages = warning");
}

PostgresDatabase::~PostgresDatabase() { PQfinish(connection_); }

std::unique_ptr<Cursor> PostgresDatabase::prepare(std::string_view sql) {
  return std::make_unique<PostgresCursor>(*this, sql);
}

void PostgresDatabase::execute(std::string_view sql) {
  const Result result(PQexec(connection_, std::string(sql).c_str()));
  if (!result || !succeeded(result.get())) fail("job store");
}

void PostgresDatabase::reconnect_if_dropped() {
  if (PQstatus(connection_) != CONNECTION_BAD) return;
  PQreset(connection_);
  if (PQstatus(connection_) != CONNECTION_OK) return;  // the next statement says why
  for (const auto& channel : channels_) execute("LISTEN " + channel);
}

void PostgresDatabase::begin(Locking locking) {
  reconnect_if_dropped();
  try {
    execute(locking == Locking::store ? std::string(kBeginRows) + kTakeStoreLock : std::string(kBeginRows));
  } catch (...) {
    rollback();  // not left in a transaction that an error aborted
    throw;
  }
}

void PostgresDatabase::commit() {
  const Result result(PQexec(connection_, "COMMIT"));
  if (!result || !succeeded(result.get())) fail("job store: commit");
  // A transaction an error had aborted ends with ROLLBACK, not with an error.
  if (std::string_view(PQcmdStatus(result.get())) != "COMMIT") fail("job store: the transaction was rolled back");
}

void PostgresDatabase::rollback() noexcept { PQclear(PQexec(connection_, "ROLLBACK")); }

void PostgresDatabase::listen(const std::string& channel) {
  execute("LISTEN " + channel);
  channels_.push_back(channel);
}

bool PostgresDatabase::take_notifications() {
  bool any = false;
  while (PGnotify* notification = PQnotifies(connection_)) {
    PQfreemem(notification);
    any = true;
  }
  return any;
}

bool PostgresDatabase::await_notification(std::chrono::milliseconds timeout) {
  reconnect_if_dropped();
  // Those that came with the answer to another statement first.
  if (take_notifications()) return true;
  pollfd socket{PQsocket(connection_), POLLIN, 0};
  if (socket.fd < 0 || ::poll(&socket, 1, static_cast<int>(timeout.count())) <= 0) return false;
  // False when the connection dropped: made again at the next wait.
  return PQconsumeInput(connection_) == 1 && take_notifications();
}

bool PostgresDatabase::in_transaction() const {
  // Not on a connection that dropped (PQTRANS_UNKNOWN): the next
  // transaction makes it again instead of joining nothing.
  const auto status = PQtransactionStatus(connection_);
  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

std::string PostgresDatabase::description() const {
  const char* host = PQhost(connection_);
  return std::string("PostgreSQL database ") + PQdb(connection_) + " on " +
         (host && host[0] == '/' ? std::string("the socket in ") + host
          : host                 ? host
                                 : "localhost") +
         ":" + PQport(connection_);
}

void PostgresDatabase::fail(const std::string& what) const {
  Where where;
  where.file = description();
  throw_system(where, what + ": " + last_error(connection_));
}

}  // namespace kuvert::store

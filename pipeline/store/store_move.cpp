#include "pipeline/store/store_move.hpp"

#include "pipeline/model/concat.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/store/postgres_database.hpp"
#include "pipeline/store/store.hpp"
#include "pipeline/store/store_schema.hpp"

namespace kuvert::store {

namespace {

// In the order their references need: a job after its input, a run after
// its job (and its parent run, which has a smaller id), a piece after its
// run. The workers and their claims are not moved: the services are
// stopped for the move.
struct Table {
  const char* name;
  const char* order;  // its key
};
constexpr Table kTables[] = {{"inputs", "id"},  {"jobs", "id"},   {"runs", "id"},       {"pieces", "id"},
                             {"users", "name"}, {"audit", "seq"}, {"audit_head", "one"}};

enum class ColumnType { integer, real, text };

struct Column {
  std::string name;
  ColumnType type = ColumnType::text;
};

// The target's columns of `table`, as PostgreSQL types them.
std::vector<Column> columns_of(Database& to, const std::string& table) {
  Statement query(to,
                  "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema()"
                  " AND table_name = ? ORDER BY ordinal_position");
  query.bind(1, table);
  return query.rows([](Statement& row) {
    const std::string type = row.text(1);
    return Column{row.text(0), type == "bigint"             ? ColumnType::integer
                               : type == "double precision" ? ColumnType::real
                                                            : ColumnType::text};
  });
}

std::string quoted(const std::string& name) { return concat("\"", name, "\""); }

std::int64_t copy_table(Database& from, Database& to, const Table& table) {
  const auto columns = columns_of(to, table.name);
  std::string names, parameters;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    names += (i ? ", " : "") + quoted(columns[i].name);
    parameters += (i ? ", ?" : "?") + std::to_string(i + 1);
  }
  Statement rows(from, concat("SELECT ", names, " FROM ", table.name, " ORDER BY ", table.order));
  Statement insert(to, concat("INSERT INTO ", table.name, "(", names, ") VALUES (", parameters, ")"));
  std::int64_t count = 0;
  while (rows.step()) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const int column = static_cast<int>(i), parameter = column + 1;
      if (columns[i].type == ColumnType::integer)
        insert.bind_or_null(parameter, rows.integer_or_null(column));
      else if (rows.is_null(column))
        insert.bind_or_null(parameter, std::string());  // NULL, as a text
      else if (columns[i].type == ColumnType::real)
        insert.bind(parameter, rows.real(column));
      else
        insert.bind(parameter, rows.text(column));
    }
    insert.run();
    insert.reset();
    ++count;
  }
  return count;
}

}  // namespace

MovedRows move_records(Database& from, Database& to) {
  // SQLite's write lock held throughout: nothing changes the store while
  // it is read (the command line, a worker), so the copy is of one moment.
  Transaction held_still(from);
  Transaction transaction(to);
  for (const auto& table : kTables) {
    Statement held(to, concat("SELECT count(*) FROM ", table.name));
    held.step();
    if (held.integer(0) != 0)
      throw_input(Where{.file = to.description(), .field = table.name},
                  "holds records already; a store is moved into an empty database only");
  }
  MovedRows moved;
  for (const auto& table : kTables) moved.emplace_back(table.name, copy_table(from, to, table));
  // New inputs and runs are numbered on from the highest id SQLite ever
  // gave (AUTOINCREMENT: one of a row deleted since is not given again).
  for (const char* table : {"inputs", "runs"}) {
    Statement given(from, concat("SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = '", table,
                                 "'), 0), coalesce((SELECT max(id) FROM ", table, "), 0))"));
    given.step();
    const std::int64_t highest = given.integer(0);
    Statement sequence(
        to, concat("SELECT setval(CAST(pg_get_serial_sequence('", table, "', 'id') AS regclass), ?, ? > 0)"));
    sequence.bind(1, std::max<std::int64_t>(highest, 1)).bind(2, std::int64_t{highest > 0 ? 1 : 0});
    sequence.run();
  }
  transaction.commit();
  return moved;
}

void require_sqlite_store(const std::filesystem::path& folder) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(folder / "kuvert.db", error))
    throw_input(Where{.file = folder.string()}, "holds no SQLite job store (kuvert.db) to move");
}

MovedRows move_store(const std::filesystem::path& folder, const std::string& url) {
  namespace fs = std::filesystem;
  require_sqlite_store(folder);
  MovedRows moved;
  {
    // Without WAL: its journal folded into the one file, renamed whole below.
    Store from({folder, false});
    PostgresDatabase to(url);
    migrate(to);
    moved = move_records(from.db(), to);
  }
  std::error_code error;
  fs::rename(folder / "kuvert.db", folder / kMovedDatabase, error);
  if (error)
    throw_system(Where{.file = (folder / "kuvert.db").string()},
                 concat("was moved into PostgreSQL but cannot be renamed ", kMovedDatabase, ": ", error.message(),
                        "; rename it by hand before the store is used"));
  return moved;
}

}  // namespace kuvert::store

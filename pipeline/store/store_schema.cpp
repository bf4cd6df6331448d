#include "pipeline/store/store_schema.hpp"

#include <array>
#include <string>
#include <vector>

#include "pipeline/model/error.hpp"

namespace kuvert::store {

namespace {

// The processes working on a store (kuvert serve and kuvert worker, on one
// host or several) and the units of work each has claimed
// (work_claims.hpp): an input being taken or processed, a run being
// delivered or reprinted, the store's housekeeping. A unit names its
// worker, and is that worker's while the worker's lease runs (the
// database's clock, Unix seconds), which its heartbeat renews.
constexpr const char* kWorkersSqlite = R"sql(
CREATE TABLE workers(
  name TEXT PRIMARY KEY,
  host TEXT NOT NULL,
  pid INTEGER NOT NULL,
  kind TEXT NOT NULL,
  started_at TEXT NOT NULL,
  heartbeat_at INTEGER NOT NULL,
  lease_until INTEGER NOT NULL,
  doing TEXT NOT NULL DEFAULT ''
);
ALTER TABLE inputs ADD COLUMN worker TEXT;
ALTER TABLE runs ADD COLUMN worker TEXT;
CREATE TABLE duties(name TEXT PRIMARY KEY, worker TEXT);
INSERT INTO duties(name) VALUES ('housekeeping');
CREATE INDEX inputs_open ON inputs(id) WHERE state IN ('taking', 'taken');
CREATE INDEX inputs_failed ON inputs(id) WHERE state = 'failed';
)sql";
constexpr const char* kWorkersPostgres = R"sql(
CREATE TABLE workers(
  name TEXT COLLATE "C" PRIMARY KEY,
  host TEXT COLLATE "C" NOT NULL,
  pid BIGINT NOT NULL,
  kind TEXT COLLATE "C" NOT NULL,
  started_at TEXT COLLATE "C" NOT NULL,
  heartbeat_at BIGINT NOT NULL,
  lease_until BIGINT NOT NULL,
  doing TEXT COLLATE "C" NOT NULL DEFAULT ''
);
ALTER TABLE inputs ADD COLUMN worker TEXT COLLATE "C";
ALTER TABLE runs ADD COLUMN worker TEXT COLLATE "C";
CREATE TABLE duties(name TEXT COLLATE "C" PRIMARY KEY, worker TEXT COLLATE "C");
INSERT INTO duties(name) VALUES ('housekeeping');
CREATE INDEX inputs_open ON inputs(id) WHERE state IN ('taking', 'taken');
CREATE INDEX inputs_failed ON inputs(id) WHERE state = 'failed';
)sql";

// Append only: a released kuvert's migrations never change, new ones go at
// the end.
constexpr std::array<const char*, 15> kMigrations{
    R"sql(
-- AUTOINCREMENT: an id once used (in the audit trail, in error files) is
-- never given to another input, job or run, even after a deletion.
CREATE TABLE inputs(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  inbox TEXT NOT NULL,
  name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('taking', 'taken', 'done', 'failed', 'duplicate')),
  place TEXT NOT NULL,
  received_at TEXT NOT NULL,
  finished_at TEXT,
  reason TEXT
);
-- An input identical to one already accepted is a duplicate; a failed one
-- may come again, corrected or not.
CREATE UNIQUE INDEX inputs_accepted ON inputs(sha256) WHERE state IN ('taking', 'taken', 'done');
CREATE TABLE jobs(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  input_id INTEGER NOT NULL UNIQUE REFERENCES inputs(id),
  kind TEXT NOT NULL CHECK (kind IN ('job', 'scan')),
  inbox TEXT NOT NULL,
  name TEXT NOT NULL,
  client TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('processing', 'done', 'failed')),
  output TEXT NOT NULL,
  documents INTEGER NOT NULL DEFAULT 0,
  pages INTEGER NOT NULL DEFAULT 0,
  pieces INTEGER NOT NULL DEFAULT 0,
  errors TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  finished_at TEXT
);
CREATE TABLE runs(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  job_id INTEGER NOT NULL REFERENCES jobs(id),
  name TEXT NOT NULL,
  file TEXT NOT NULL,
  printer TEXT NOT NULL,
  pieces INTEGER NOT NULL,
  sheets INTEGER NOT NULL,
  pages INTEGER NOT NULL,
  sensitive INTEGER NOT NULL,
  state TEXT NOT NULL,
  released_by TEXT,
  confirmed_by TEXT,
  -- 1 while a copy to the printer folder is under way (see run_delivery).
  delivering INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (job_id, name)
);
CREATE INDEX runs_state ON runs(state);
CREATE TABLE users(
  name TEXT PRIMARY KEY,
  role TEXT NOT NULL,
  password TEXT NOT NULL,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE TABLE audit(
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user TEXT NOT NULL,
  action TEXT NOT NULL,
  object TEXT NOT NULL,
  detail TEXT NOT NULL,
  previous TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
-- The newest audit record, sealed with the audit key: a deleted last
-- record shows as a head that no longer matches.
CREATE TABLE audit_head(
  one INTEGER PRIMARY KEY CHECK (one = 1),
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL,
  seal TEXT NOT NULL
);
)sql",
    R"sql(
-- Why the last copy of a run to its printer failed ('' when it did not):
-- the console shows it, and the service tries again until it works.
ALTER TABLE runs ADD COLUMN delivery_problem TEXT NOT NULL DEFAULT '';
)sql",
    R"sql(
-- When a run was marked printed ('' until it is): the overview counts the
-- pages printed on a day, not those produced.
ALTER TABLE runs ADD COLUMN printed_at TEXT NOT NULL DEFAULT '';
)sql",
    R"sql(
-- Every mail piece of a run, by the id its 2D code and R.csv carry (unique
-- in the store: the job key first), and what became of it at the
-- inserter: status NULL until a results file or an operator sets it.
CREATE TABLE pieces(
  id TEXT PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id),
  sequence INTEGER NOT NULL,
  sheets INTEGER NOT NULL,
  documents TEXT NOT NULL,
  status TEXT CHECK (status IN ('ok', 'damaged', 'missing', 'pulled', 'duplicate', 'hand-mailed')),
  status_at TEXT NOT NULL DEFAULT '',
  station TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
CREATE INDEX pieces_run ON pieces(run_id, sequence);
)sql",
    R"sql(
-- Why a run in attention waits for a supervisor ('' otherwise): a piece
-- seen twice, or more pieces to reprint than its printer allows.
ALTER TABLE runs ADD COLUMN attention TEXT NOT NULL DEFAULT '';
)sql",
    R"sql(
-- A reprint run made of another run's failed pieces names that run; why
-- the service could not make a reprint ('' when it could, or has not tried).
ALTER TABLE runs ADD COLUMN parent_run_id INTEGER REFERENCES runs(id);
ALTER TABLE runs ADD COLUMN reprint_problem TEXT NOT NULL DEFAULT '';
CREATE INDEX runs_parent ON runs(parent_run_id);
)sql",
    R"sql(
-- The day a run was handed to the postal service ('' until then); a
-- job's return file of posting records: '' not yet, 'writing' (its files
-- under temporary names in the return folder), 'returned' (renamed into
-- place, returned_at); and what posting records and lists need of a piece.
ALTER TABLE runs ADD COLUMN posted_on TEXT NOT NULL DEFAULT '';
ALTER TABLE jobs ADD COLUMN return_state TEXT NOT NULL DEFAULT '';
ALTER TABLE jobs ADD COLUMN returned_at TEXT NOT NULL DEFAULT '';
ALTER TABLE pieces ADD COLUMN product TEXT NOT NULL DEFAULT '';
ALTER TABLE pieces ADD COLUMN postage_cents INTEGER;
ALTER TABLE pieces ADD COLUMN weight_g REAL NOT NULL DEFAULT 0;
ALTER TABLE pieces ADD COLUMN country TEXT NOT NULL DEFAULT '';
-- Jobs whose runs were all closed before posting records existed get none.
UPDATE jobs SET return_state = 'returned' WHERE EXISTS (SELECT 1 FROM runs r WHERE r.job_id = jobs.id)
  AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.job_id = jobs.id AND r.state NOT IN ('closed', 'cancelled'));
)sql",
    R"sql(
-- What the members' monthly accounts count of a piece besides: its
-- inserts, and whether it is handled by hand (R.csv's manual_reason).
ALTER TABLE pieces ADD COLUMN inserts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE pieces ADD COLUMN manual INTEGER NOT NULL DEFAULT 0;
)sql",
    R"sql(
-- Whom a piece goes to, as R.csv says it: what the console's search for a
-- notice reads (a citizen calls with a name or a postcode).
ALTER TABLE pieces ADD COLUMN recipient TEXT NOT NULL DEFAULT '';
ALTER TABLE pieces ADD COLUMN postcode TEXT NOT NULL DEFAULT '';
CREATE INDEX pieces_postcode ON pieces(postcode);
)sql",
    R"sql(
-- How a run is printed and inserted, as its ticket says: the columns the
-- floor sorts its runs by.
ALTER TABLE runs ADD COLUMN paper TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN sides TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN envelope TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN inserter TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN inserts TEXT NOT NULL DEFAULT '';
)sql",
    R"sql(
-- The language each user's console speaks: German unless chosen otherwise.
ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'de';
)sql",
    R"sql(
-- The day the client wants a run posted (job.json's "due", YYYY-MM-DD):
-- what the floor plans its day by.
ALTER TABLE runs ADD COLUMN due TEXT NOT NULL DEFAULT '';
)sql",
    R"sql(
-- Why a person asked to deliver a run to its printer again (the printer
-- lost it), until the service has copied it there once more.
ALTER TABLE runs ADD COLUMN redeliver TEXT NOT NULL DEFAULT '';
)sql",
    R"sql(
-- A notice is searched for by parts of its ids and names, which no index
-- serves (notice_search.cpp reads the pieces once); the postcode's index
-- only cost every piece written.
DROP INDEX pieces_postcode;
-- Whom a piece went to leaves with its job's output (retention); outputs
-- removed before that was so take them now.
UPDATE pieces SET recipient = '', postcode = ''
  WHERE run_id IN (SELECT r.id FROM runs r JOIN jobs j ON j.id = r.job_id WHERE j.kind = 'job' AND j.output = '');
)sql", kWorkersSqlite,
};

// The same schema in PostgreSQL, which came when SQLite's had 14
// migrations: its first is theirs together. Append only, as SQLite's; a
// change to the schema adds a migration to both. Text compares and sorts
// by its bytes (COLLATE "C"), as in SQLite, whatever the database's locale.
constexpr std::array<const char*, 2> kPostgresMigrations{
    R"sql(
CREATE TABLE inputs(
  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  inbox TEXT COLLATE "C" NOT NULL,
  name TEXT COLLATE "C" NOT NULL,
  sha256 TEXT COLLATE "C" NOT NULL,
  state TEXT COLLATE "C" NOT NULL CHECK (state IN ('taking', 'taken', 'done', 'failed', 'duplicate')),
  place TEXT COLLATE "C" NOT NULL,
  received_at TEXT COLLATE "C" NOT NULL,
  finished_at TEXT COLLATE "C",
  reason TEXT COLLATE "C"
);
CREATE UNIQUE INDEX inputs_accepted ON inputs(sha256) WHERE state IN ('taking', 'taken', 'done');
-- A job's id is its input's (job_records.cpp), never drawn from a sequence.
CREATE TABLE jobs(
  id BIGINT PRIMARY KEY,
  input_id BIGINT NOT NULL UNIQUE REFERENCES inputs(id),
  kind TEXT COLLATE "C" NOT NULL CHECK (kind IN ('job', 'scan')),
  inbox TEXT COLLATE "C" NOT NULL,
  name TEXT COLLATE "C" NOT NULL,
  client TEXT COLLATE "C" NOT NULL,
  state TEXT COLLATE "C" NOT NULL CHECK (state IN ('processing', 'done', 'failed')),
  output TEXT COLLATE "C" NOT NULL,
  documents BIGINT NOT NULL DEFAULT 0,
  pages BIGINT NOT NULL DEFAULT 0,
  pieces BIGINT NOT NULL DEFAULT 0,
  errors TEXT COLLATE "C" NOT NULL DEFAULT '[]',
  created_at TEXT COLLATE "C" NOT NULL,
  finished_at TEXT COLLATE "C",
  return_state TEXT COLLATE "C" NOT NULL DEFAULT '',
  returned_at TEXT COLLATE "C" NOT NULL DEFAULT ''
);
CREATE TABLE runs(
  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  job_id BIGINT NOT NULL REFERENCES jobs(id),
  name TEXT COLLATE "C" NOT NULL,
  file TEXT COLLATE "C" NOT NULL,
  printer TEXT COLLATE "C" NOT NULL,
  pieces BIGINT NOT NULL,
  sheets BIGINT NOT NULL,
  pages BIGINT NOT NULL,
  sensitive BIGINT NOT NULL,
  state TEXT COLLATE "C" NOT NULL,
  released_by TEXT COLLATE "C",
  confirmed_by TEXT COLLATE "C",
  delivering BIGINT NOT NULL DEFAULT 0,
  created_at TEXT COLLATE "C" NOT NULL,
  updated_at TEXT COLLATE "C" NOT NULL,
  delivery_problem TEXT COLLATE "C" NOT NULL DEFAULT '',
  printed_at TEXT COLLATE "C" NOT NULL DEFAULT '',
  attention TEXT COLLATE "C" NOT NULL DEFAULT '',
  parent_run_id BIGINT REFERENCES runs(id),
  reprint_problem TEXT COLLATE "C" NOT NULL DEFAULT '',
  posted_on TEXT COLLATE "C" NOT NULL DEFAULT '',
  paper TEXT COLLATE "C" NOT NULL DEFAULT '',
  sides TEXT COLLATE "C" NOT NULL DEFAULT '',
  envelope TEXT COLLATE "C" NOT NULL DEFAULT '',
  inserter TEXT COLLATE "C" NOT NULL DEFAULT '',
  inserts TEXT COLLATE "C" NOT NULL DEFAULT '',
  due TEXT COLLATE "C" NOT NULL DEFAULT '',
  redeliver TEXT COLLATE "C" NOT NULL DEFAULT '',
  UNIQUE (job_id, name)
);
CREATE INDEX runs_state ON runs(state);
CREATE INDEX runs_parent ON runs(parent_run_id);
CREATE TABLE users(
  name TEXT COLLATE "C" PRIMARY KEY,
  role TEXT COLLATE "C" NOT NULL,
  password TEXT COLLATE "C" NOT NULL,
  failed_logins BIGINT NOT NULL DEFAULT 0,
  locked_until BIGINT NOT NULL DEFAULT 0,
  created_at TEXT COLLATE "C" NOT NULL,
  language TEXT COLLATE "C" NOT NULL DEFAULT 'de'
);
CREATE TABLE audit(
  seq BIGINT PRIMARY KEY,
  at TEXT COLLATE "C" NOT NULL,
  "user" TEXT COLLATE "C" NOT NULL,
  action TEXT COLLATE "C" NOT NULL,
  object TEXT COLLATE "C" NOT NULL,
  detail TEXT COLLATE "C" NOT NULL,
  previous TEXT COLLATE "C" NOT NULL,
  hash TEXT COLLATE "C" NOT NULL
);
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only';
END $$;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TABLE audit_head(
  one BIGINT PRIMARY KEY CHECK (one = 1),
  seq BIGINT NOT NULL,
  hash TEXT COLLATE "C" NOT NULL,
  seal TEXT COLLATE "C" NOT NULL
);
CREATE TABLE pieces(
  id TEXT COLLATE "C" PRIMARY KEY,
  run_id BIGINT NOT NULL REFERENCES runs(id),
  sequence BIGINT NOT NULL,
  sheets BIGINT NOT NULL,
  documents TEXT COLLATE "C" NOT NULL,
  status TEXT COLLATE "C" CHECK (status IN ('ok', 'damaged', 'missing', 'pulled', 'duplicate', 'hand-mailed')),
  status_at TEXT COLLATE "C" NOT NULL DEFAULT '',
  station TEXT COLLATE "C" NOT NULL DEFAULT '',
  note TEXT COLLATE "C" NOT NULL DEFAULT '',
  product TEXT COLLATE "C" NOT NULL DEFAULT '',
  postage_cents BIGINT,
  weight_g DOUBLE PRECISION NOT NULL DEFAULT 0,
  country TEXT COLLATE "C" NOT NULL DEFAULT '',
  inserts BIGINT NOT NULL DEFAULT 0,
  manual BIGINT NOT NULL DEFAULT 0,
  recipient TEXT COLLATE "C" NOT NULL DEFAULT '',
  postcode TEXT COLLATE "C" NOT NULL DEFAULT ''
);
CREATE INDEX pieces_run ON pieces(run_id, sequence);
)sql",
    kWorkersPostgres,
};

// The migrations of the store's dialect.
std::vector<const char*> migrations(const Database& database) {
  if (database.dialect() == Dialect::postgresql) return {kPostgresMigrations.begin(), kPostgresMigrations.end()};
  return {kMigrations.begin(), kMigrations.end()};
}

// How many migrations the store has had: SQLite's user_version, a row in
// PostgreSQL (none before its table is made, with the first migration).
int user_version(Database& database) {
  if (database.dialect() == Dialect::postgresql) {
    // pg_tables read as any table, not from a cache: a table another host
    // made since is seen once its transaction committed.
    Statement made(database,
                   "SELECT count(*) FROM pg_catalog.pg_tables WHERE tablename = 'kuvert_schema'"
                   " AND schemaname = current_schema()");
    if (!made.step() || made.integer(0) == 0) return 0;
    Statement query(database, "SELECT coalesce(max(version), 0) FROM kuvert_schema");
    query.step();
    return static_cast<int>(query.integer(0));
  }
  Statement query(database, "PRAGMA user_version");
  query.step();
  return static_cast<int>(query.integer(0));
}

void set_user_version(Database& database, int version) {
  if (database.dialect() == Dialect::postgresql) {
    database.execute(
        "CREATE TABLE IF NOT EXISTS kuvert_schema(version BIGINT NOT NULL); DELETE FROM kuvert_schema;"
        " INSERT INTO kuvert_schema VALUES (" +
        std::to_string(version) + ")");
    return;
  }
  database.execute("PRAGMA user_version=" + std::to_string(version));
}

}  // namespace

int schema_version(const Database& database) { return static_cast<int>(migrations(database).size()); }

bool migrate(Database& database) {
  const auto steps = migrations(database);
  const int newest = static_cast<int>(steps.size());
  const int found = user_version(database);
  if (found > newest) {
    Where where;
    where.file = database.description();
    throw_system(where, "the job store has schema version " + std::to_string(found) + ", newer than this kuvert's " +
                            std::to_string(newest) + "; use the newer kuvert");
  }
  bool created = false;
  for (int version = found; version < newest; ++version) {
    Transaction transaction(database);
    // Another process (the service, a command, another host) may have
    // migrated while this one waited for the write lock.
    if (user_version(database) > version) continue;
    database.execute(steps[static_cast<std::size_t>(version)]);
    set_user_version(database, version + 1);
    transaction.commit();
    created = created || version == 0;
  }
  return created;
}

}  // namespace kuvert::store

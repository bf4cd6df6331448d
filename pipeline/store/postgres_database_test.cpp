#include "pipeline/store/postgres_database.hpp"

#include <catch2/catch.hpp>

#include "pipeline/model/error.hpp"
#include "pipeline/store/audit_trail.hpp"
#include "pipeline/store/job_records.hpp"
#include "pipeline/store/store.hpp"
#include "pipeline/store/store_schema.hpp"
#include "tests/support/store_under_test.hpp"
#include "tests/support/temp_folder.hpp"

using namespace kuvert::store;

TEST_CASE("The store's SQL reaches PostgreSQL with its parameters numbered", "[store]") {
  CHECK(postgres_sql("SELECT a FROM t WHERE b = ? AND c = ?") == "SELECT a FROM t WHERE b = $1 AND c = $2");
  CHECK(postgres_sql("WHERE (?1 = '' OR x = ?1) LIMIT ?12") == "WHERE ($1 = '' OR x = $1) LIMIT $12");
  // A question mark in quoted text or a quoted name is no parameter.
  CHECK(postgres_sql("SELECT '?', 'it''s ?', \"?\" WHERE x = ?") == "SELECT '?', 'it''s ?', \"?\" WHERE x = $1");
}

TEST_CASE("A new store in PostgreSQL has the newest schema, shared by every connection", "[store][postgres]") {
  kuvert::test::TempFolder temp;
  const kuvert::test::StoreUnderTest under(kuvert::test::StoreKind::postgresql, temp.path());
  Store store(under.options());
  CHECK(store.db().dialect() == Dialect::postgresql);
  Statement version(store.db(), "SELECT version FROM kuvert_schema");
  REQUIRE(version.step());
  CHECK(version.integer(0) == schema_version(store.db()));
  CHECK_FALSE(std::filesystem::exists(temp.path() / "kuvert.db"));  // the folder is the file area only
  Store again(under.options());
  CHECK(again.audit_key() == store.audit_key());
  CHECK(read_audit(again, {}).size() == 1);  // created once
  CHECK(verify_audit(again).empty());
  // Typed parameters: text, numbers and NULL as SQLite takes them.
  Statement echo(store.db(), "SELECT ?1 || '!', ?2 + 1, ?3 * 2, ?4 IS NULL, length(?1)");
  echo.bind(1, std::string("Grüße")).bind(2, std::int64_t{41}).bind(3, 1.25).bind_or_null(4, std::string());
  REQUIRE(echo.step());
  CHECK(echo.text(0) == "Grüße!");
  CHECK(echo.integer(1) == 42);
  CHECK(echo.real(2) == 2.5);
  CHECK(echo.integer(3) == 1);
  CHECK(echo.integer(4) == 5);
}

TEST_CASE("A PostgreSQL store that cannot be reached says where it was looked for", "[store]") {
  kuvert::test::TempFolder temp;
  try {
    Store store({temp.path(), true, "postgresql:///kuvert?host=" + temp.path().string() + "&user=kuvert"});
    FAIL("connected");
  } catch (const kuvert::Error& error) {
    CHECK(error.kind() == kuvert::ErrorKind::system);
    CHECK_THAT(error.what(), Catch::Contains("[store] url") &&
                                 Catch::Contains("cannot connect to the job store in PostgreSQL") &&
                                 Catch::Contains(temp.path().string()));
  }
}

TEST_CASE("A URL libpq cannot read is refused without repeating its password", "[store]") {
  kuvert::test::TempFolder temp;
  const auto refusal = [&](const std::string& url) -> std::string {
    try {
      Store store({temp.path(), true, url});
    } catch (const kuvert::Error& error) {
      return error.what();
    }
    return "connected";
  };
  const auto badly_encoded = refusal("postgresql://kuvert:geh%zzeim@db.example/kuvert");
  CHECK_THAT(badly_encoded, Catch::Contains("[store] url") && Catch::Contains("does not read as libpq's"));
  CHECK_THAT(badly_encoded, !Catch::Contains("geh"));
  const auto bad_port = refusal("postgresql://kuvert:geheim@db.example:x/kuvert");
  CHECK_THAT(bad_port, Catch::Contains("[store] url") && Catch::Contains("port"));
  CHECK_THAT(bad_port, !Catch::Contains("geheim"));
}

TEST_CASE("A folder that holds an SQLite store is not taken for a PostgreSQL store's files", "[store]") {
  kuvert::test::TempFolder temp;
  { Store sqlite({temp.path()}); }
  CHECK_THROWS_WITH(Store({temp.path(), true, "postgresql:///kuvert?host=/nowhere"}),
                    Catch::Contains("holds an SQLite job store (kuvert.db); a store in PostgreSQL ([store] url) needs "
                                    "a folder of its own"));
}

TEST_CASE("PostgreSQL keeps what SQLite keeps: Latin-1 names readable, the trail not emptied", "[store][postgres]") {
  kuvert::test::TempFolder temp;
  const kuvert::test::StoreUnderTest under(kuvert::test::StoreKind::postgresql, temp.path());
  Store store(under.options());
  record_refusal(store, "steuer", "B\xfcrger.pdf", "", "error/B\xfcrger.pdf", InputState::failed, "not a job",
                 1795000000);
  CHECK(inputs_in_state(store, InputState::failed).front().name == "B\xef\xbf\xbdrger.pdf");
  CHECK_THROWS_WITH(store.db().execute("TRUNCATE audit"), Catch::Contains("the audit trail is append-only"));
  // A writer whose transaction failed leaves the connection fit for the next.
  CHECK_THROWS(store.db().execute("INSERT INTO audit_head(one, seq, hash, seal) VALUES (2, 0, '', '')"));
  {
    Transaction transaction(store.db());
    CHECK_THROWS(store.db().execute("INSERT INTO audit_head(one, seq, hash, seal) VALUES (2, 0, '', '')"));
  }
  CHECK_FALSE(store.db().in_transaction());
  Transaction again(store.db());
  append_audit(store, {"2026-12-03T10:00:00Z", "anna", "release", "run J1-R0001", ""});
  again.commit();
  CHECK(verify_audit(store).empty());
}

TEST_CASE("A connection the server dropped is made again, and listens again", "[store][postgres]") {
  kuvert::test::TempFolder temp;
  const kuvert::test::StoreUnderTest under(kuvert::test::StoreKind::postgresql, temp.path());
  Store worker(under.options());
  Store other(under.options());
  worker.db().listen("kuvert_work");
  // A restart or failover, as the worker's connection sees it.
  Statement drop(other.db(),
                 "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database()"
                 " AND pid <> pg_backend_pid()");
  REQUIRE(drop.step());
  REQUIRE(drop.integer(0) == 1);
  // The first statement after it fails; the next transaction connects again.
  CHECK_THROWS(Statement(worker.db(), "SELECT 1").step());
  CHECK_FALSE(worker.db().in_transaction());
  {
    Transaction transaction(worker.db());
    Statement count(worker.db(), "SELECT count(*) FROM inputs");
    REQUIRE(count.step());
    CHECK(count.integer(0) == 0);
    transaction.commit();
  }
  other.db().execute("NOTIFY kuvert_work");
  CHECK(worker.db().await_notification(std::chrono::seconds(5)));
}

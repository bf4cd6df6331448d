#include "pipeline/store/postgres_database.hpp"

#include <catch2/catch.hpp>

#include "pipeline/model/error.hpp"
#include "pipeline/store/audit_trail.hpp"
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

#pragma once
#include "pipeline/store/database.hpp"

namespace kuvert::store {

// Brings the store's schema up to the newest version, one migration per
// transaction; SQLite's PRAGMA user_version (PostgreSQL's kuvert_schema)
// counts the migrations applied. A store written by a newer kuvert is
// refused rather than misread.
// Returns true when this call created the store (ran the first migration).
bool migrate(Database& database);

// The newest schema version this kuvert knows for the store's dialect.
int schema_version(const Database& database);

}  // namespace kuvert::store

#pragma once
#include "pipeline/store/database.hpp"

namespace kuvert::store {

// Brings the store's schema up to the newest version, one migration per
// transaction; PRAGMA user_version counts the migrations applied. A store
// written by a newer kuvert is refused rather than misread.
// Returns true when this call created the store (ran the first migration).
bool migrate(Database& database);

// The newest schema version this kuvert knows.
int schema_version();

}  // namespace kuvert::store

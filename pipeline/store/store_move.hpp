#pragma once
// Moving a store's records from SQLite to PostgreSQL (`kuvert store
// migrate`), when a centre outgrows one machine: every input, job, run,
// piece, user and audit record, with their ids and the audit chain's hashes
// as they are, in one transaction, so that the target has all of them or
// none. The files (taken inputs, outputs, audit.key) stay in the store's
// folder, which becomes the PostgreSQL store's file area; the chain is
// verified with the same key.
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/store/database.hpp"

namespace kuvert::store {

// How many rows of each table were moved, in the order they were.
using MovedRows = std::vector<std::pair<std::string, std::int64_t>>;

// Copies the records of `from` (a SQLite store at the newest schema) into
// `to` (a PostgreSQL store at the newest schema, holding no records).
// Throws kuvert::Error (input) when `to` holds records already, and
// (system) when a row cannot be written; `to` is then left as it was.
MovedRows move_records(Database& from, Database& to);

// The move of the SQLite store in `folder` (migrated to the newest schema
// first) into the PostgreSQL database at `url` (given the newest schema).
// The SQLite file is then renamed kuvert.db.moved, so that nothing works
// on it by mistake, and `folder` serves as the PostgreSQL store's file
// area. The caller keeps services off the store meanwhile. Throws
// kuvert::Error (input) when `folder` holds no SQLite store.
MovedRows move_store(const std::filesystem::path& folder, const std::string& url);

// Throws kuvert::Error (input) unless `folder` holds a SQLite store.
void require_sqlite_store(const std::filesystem::path& folder);

// Where a moved SQLite store's file goes.
inline constexpr const char* kMovedDatabase = "kuvert.db.moved";

}  // namespace kuvert::store

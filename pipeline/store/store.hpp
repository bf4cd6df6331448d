#pragma once
// The service's job store: a folder holding the SQLite database
// (kuvert.db), the audit key, the archive of taken inputs and the jobs'
// output folders. One Store per thread; the service and the command line
// open the same folder side by side (SQLite locks, WAL lets readers on).
#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "pipeline/model/iso_date.hpp"
#include "pipeline/store/database.hpp"

namespace kuvert::store {

struct StoreOptions {
  std::filesystem::path folder;
  bool wal = true;  // false for a store on a network share
  // "postgresql://...": the database is PostgreSQL's, `folder` only the
  // file area (taken inputs, job outputs, the audit key).
  std::string url;
};

// 32 bytes that seal the audit chain, kept in the store folder (0600) and
// never in the database, so that whoever edits the database cannot forge
// the hashes.
using AuditKey = std::array<unsigned char, 32>;

class Store {
 public:
  // Creates the folder, database and key on first use; migrates the schema.
  explicit Store(const StoreOptions& options);

  Database& db() { return *database_; }
  const AuditKey& audit_key() const { return audit_key_; }
  const std::filesystem::path& folder() const { return folder_; }
  // Where taken inputs are kept, and where jobs write their output.
  std::filesystem::path inputs_folder() const { return folder_ / "inputs"; }
  std::filesystem::path jobs_folder() const { return folder_ / "jobs"; }

 private:
  std::filesystem::path folder_;
  std::unique_ptr<Database> database_;
  AuditKey audit_key_{};
};

using kuvert::iso_time;  // model/iso_date.hpp

}  // namespace kuvert::store

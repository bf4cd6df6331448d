#pragma once
// The store a test runs against: SQLite in a folder, or PostgreSQL (a
// scratch database of the tests' cluster) with the folder as its file area.
// Tests of the store take both: GENERATE(StoreKind::sqlite, StoreKind::postgresql)
// in a test case tagged [postgres].
#include <filesystem>
#include <optional>

#include "pipeline/store/store.hpp"
#include "tests/support/postgres_scratch.hpp"

namespace kuvert::test {

enum class StoreKind { sqlite, postgresql };

class StoreUnderTest {
 public:
  StoreUnderTest(StoreKind kind, const std::filesystem::path& folder);
  store::StoreOptions options() const;

 private:
  std::filesystem::path folder_;
  std::optional<PostgresScratch> scratch_;
};

}  // namespace kuvert::test

#include "tests/support/postgres_scratch.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include "pipeline/store/postgres_database.hpp"

namespace kuvert::test {

namespace {

std::string cluster_url(const std::string& database) {
  const char* named = std::getenv("KUVERT_TEST_POSTGRES");
  const std::string file = named && *named ? named : KUVERT_TEST_POSTGRES_FILE;
  std::string folder;
  std::getline(std::ifstream(file), folder);
  if (folder.empty())
    throw std::runtime_error("no PostgreSQL cluster is named in " + file +
                             ": run the [postgres] tests through ctest, which starts one (tools/postgres-cluster)");
  return "postgresql:///" + database + "?host=" + folder + "&user=kuvert";
}

}  // namespace

PostgresScratch::PostgresScratch() {
  static std::atomic<int> made{0};
  name_ = "kuvert_test_" + std::to_string(::getpid()) + "_" + std::to_string(++made);
  server_ = cluster_url("postgres");
  url_ = cluster_url(name_);
  store::PostgresDatabase server(server_);
  server.execute("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");  // one a killed run left
  server.execute("CREATE DATABASE " + name_);
}

PostgresScratch::~PostgresScratch() {
  try {
    store::PostgresDatabase(server_).execute("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (...) {
    // The cluster goes when the tests end: nothing is left behind for long.
  }
}

}  // namespace kuvert::test

#pragma once
// A database of its own for one test, in the throwaway PostgreSQL cluster
// ctest starts for the tests tagged [postgres] (tools/postgres-cluster writes
// where its socket is into the build's postgres-cluster.path, or the file
// KUVERT_TEST_POSTGRES names). Dropped again when the test ends.
#include <string>

namespace kuvert::test {

class PostgresScratch {
 public:
  PostgresScratch();
  ~PostgresScratch();
  PostgresScratch(const PostgresScratch&) = delete;
  PostgresScratch& operator=(const PostgresScratch&) = delete;
  // postgresql:///NAME?host=SOCKET_FOLDER&user=kuvert
  const std::string& url() const { return url_; }

 private:
  std::string name_;
  std::string server_;  // the cluster's own database, to create and drop from
  std::string url_;
};

}  // namespace kuvert::test

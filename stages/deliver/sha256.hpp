#pragma once
#include <memory>
#include <string>
#include <string_view>

namespace kuvert {

// Incremental SHA-256 (OpenSSL EVP), for run files hashed while written.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256& other);
  Sha256& operator=(const Sha256&) = delete;

  void update(std::string_view bytes);
  std::string hex() const;  // of everything so far; the hash can go on

 private:
  struct Context;
  std::unique_ptr<Context> context_;
};

}  // namespace kuvert

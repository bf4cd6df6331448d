#pragma once
#include <sodium.h>

#include <string>
#include <string_view>

namespace kuvert {

// Incremental SHA-256 (libsodium), for run files hashed while written.
class Sha256 {
 public:
  Sha256();

  void update(std::string_view bytes);
  std::string hex() const;  // of everything so far; the hash can go on

 private:
  crypto_hash_sha256_state state_;
};

}  // namespace kuvert

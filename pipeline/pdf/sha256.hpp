#pragma once
#include <sodium.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace kuvert {

// Incremental SHA-256 (libsodium), for run files hashed while written.
class Sha256 {
 public:
  Sha256();

  void update(std::string_view bytes);
  // The bytes of `file`; throws kuvert::Error (system) naming it when it
  // cannot be read.
  void update_file(const std::filesystem::path& file);
  std::string hex() const;  // of everything so far; the hash can go on

 private:
  crypto_hash_sha256_state state_;
};

}  // namespace kuvert

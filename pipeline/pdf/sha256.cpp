#include "pipeline/pdf/sha256.hpp"

#include <fstream>
#include <vector>

#include "pipeline/model/error.hpp"

namespace kuvert {

Sha256::Sha256() {
  if (sodium_init() < 0) throw Error(ErrorKind::internal, Where{}, "libsodium cannot start");
  crypto_hash_sha256_init(&state_);
}

void Sha256::update(std::string_view bytes) {
  crypto_hash_sha256_update(&state_, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

void Sha256::update_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw_system(Where{.file = file.string()}, "cannot read");
  std::vector<char> buffer(1 << 16);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    update(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())));
  }
}

std::string Sha256::hex() const {
  crypto_hash_sha256_state copy = state_;
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&copy, digest);
  char text[2 * crypto_hash_sha256_BYTES + 1];
  sodium_bin2hex(text, sizeof text, digest, sizeof digest);
  return text;
}

}  // namespace kuvert

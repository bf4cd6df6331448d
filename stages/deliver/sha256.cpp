#include "stages/deliver/sha256.hpp"

#include <openssl/evp.h>

#include "pipeline/model/error.hpp"

namespace kuvert {

struct Sha256::Context {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  ~Context() { EVP_MD_CTX_free(ctx); }
};

Sha256::Sha256() : context_(std::make_unique<Context>()) {
  if (!context_->ctx || EVP_DigestInit_ex(context_->ctx, EVP_sha256(), nullptr) != 1)
    throw Error(ErrorKind::internal, Where{}, "SHA-256 is not available");
}

Sha256::Sha256(const Sha256& other) : context_(std::make_unique<Context>()) {
  EVP_MD_CTX_copy_ex(context_->ctx, other.context_->ctx);
}

Sha256::~Sha256() = default;

void Sha256::update(std::string_view bytes) { EVP_DigestUpdate(context_->ctx, bytes.data(), bytes.size()); }

std::string Sha256::hex() const {
  Sha256 copy(*this);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(copy.context_->ctx, digest, &length);
  static const char* digits = "0123456789abcdef";
  std::string text;
  for (unsigned int i = 0; i < length; ++i) {
    text += digits[digest[i] >> 4];
    text += digits[digest[i] & 15];
  }
  return text;
}

}  // namespace kuvert

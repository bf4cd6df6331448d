#pragma once
// The body of POST /api/login: {"user": "...", "password": "..."} and
// nothing else, read as strictly as job manifests (a key twice could let
// two readers see two users).
#include <optional>
#include <string>

namespace kuvert::console {

struct LoginRequest {
  std::string user;
  std::string password;
};

// Nothing when the body is not exactly that object of two strings, each at
// most 1,024 bytes.
std::optional<LoginRequest> read_login_request(const std::string& body);

}  // namespace kuvert::console

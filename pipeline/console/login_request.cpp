#include "pipeline/console/login_request.hpp"

#include "stages/ingest/strict_json.hpp"

namespace kuvert::console {

std::optional<LoginRequest> read_login_request(const std::string& body) {
  constexpr std::size_t kLongest = 1024;
  nlohmann::json value;
  try {
    value = parse_strict_json(body);
  } catch (const JsonRefused&) {
    return std::nullopt;
  }
  if (!value.is_object() || value.size() != 2) return std::nullopt;
  const auto user = value.find("user"), password = value.find("password");
  if (user == value.end() || password == value.end() || !user->is_string() || !password->is_string())
    return std::nullopt;
  LoginRequest request{user->get<std::string>(), password->get<std::string>()};
  if (request.user.size() > kLongest || request.password.size() > kLongest) return std::nullopt;
  return request;
}

}  // namespace kuvert::console

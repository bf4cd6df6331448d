#include "pipeline/console/client_connections.hpp"

namespace kuvert::console {

ClientConnections::Admission::~Admission() {
  if (book_) book_->release(client_);
}

std::optional<ClientConnections::Admission> ClientConnections::admit(const std::string& client) {
  const std::lock_guard lock(mutex_);
  auto& count = open_[client];
  if (count >= per_client_) {
    if (count == 0) open_.erase(client);
    return std::nullopt;
  }
  ++count;
  return Admission(*this, client);
}

std::size_t ClientConnections::open(const std::string& client) const {
  const std::lock_guard lock(mutex_);
  const auto found = open_.find(client);
  return found == open_.end() ? 0 : found->second;
}

void ClientConnections::release(const std::string& client) {
  const std::lock_guard lock(mutex_);
  const auto found = open_.find(client);
  if (found != open_.end() && --found->second == 0) open_.erase(found);
}

}  // namespace kuvert::console

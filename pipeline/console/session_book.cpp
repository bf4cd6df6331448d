#include "pipeline/console/session_book.hpp"

#include <sodium.h>

namespace kuvert::console {

namespace {

std::string random_hex(std::size_t bytes) {
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
  hex.pop_back();
  return hex;
}

std::string token_hash(const std::string& token) {
  unsigned char hash[crypto_generichash_BYTES];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr, 0);
  return std::string(reinterpret_cast<const char*>(hash), sizeof hash);
}

}  // namespace

NewSession SessionBook::open(const std::string& user, store::Role role, const std::string& password_stamp,
                             std::int64_t now) {
  NewSession created{random_hex(32), {user, role, password_stamp, random_hex(32), now}};
  const std::lock_guard lock(mutex_);
  // Ended sessions are cleared whenever someone logs in.
  for (auto it = sessions_.begin(); it != sessions_.end();)
    it = now - it->second.last_seen > idle_seconds_ ? sessions_.erase(it) : std::next(it);
  sessions_.emplace(token_hash(created.token), created.session);
  return created;
}

std::optional<Session> SessionBook::find(const std::string& token, std::int64_t now) {
  if (token.empty()) return std::nullopt;
  const std::lock_guard lock(mutex_);
  const auto found = sessions_.find(token_hash(token));
  if (found == sessions_.end()) return std::nullopt;
  if (now - found->second.last_seen > idle_seconds_) {
    looked_at_.erase(found->first);
    sessions_.erase(found);
    return std::nullopt;
  }
  found->second.last_seen = now;
  return found->second;
}

void SessionBook::close(const std::string& token) {
  const std::lock_guard lock(mutex_);
  sessions_.erase(token_hash(token));
  looked_at_.erase(token_hash(token));
}

bool SessionBook::first_look(const std::string& token, const std::string& object) {
  const std::lock_guard lock(mutex_);
  const std::string hash = token_hash(token);
  return sessions_.contains(hash) && looked_at_[hash].insert(object).second;
}

bool SessionBook::csrf_matches(const Session& session, const std::string& sent) {
  return sent.size() == session.csrf.size() && sodium_memcmp(sent.data(), session.csrf.data(), sent.size()) == 0;
}

}  // namespace kuvert::console

#pragma once
// The console's logged-in sessions, in memory: a restart of the service
// logs everyone out, which is what a restart should do. A session is found
// by the hash of its cookie token (the token itself is kept nowhere), ends
// after `idle_seconds` without a request, and carries the CSRF token every
// changing request must send back.
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "pipeline/store/run_workflow.hpp"

namespace kuvert::console {

struct Session {
  std::string user;
  store::Role role = store::Role::viewer;
  std::string password_stamp;  // of the password the session was opened with
  std::string csrf;
  std::int64_t last_seen = 0;
};

struct NewSession {
  std::string token;  // for the cookie
  Session session;
};

class SessionBook {
 public:
  explicit SessionBook(std::int64_t idle_seconds) : idle_seconds_(idle_seconds) {}

  NewSession open(const std::string& user, store::Role role, const std::string& password_stamp, std::int64_t now);
  // The live session of a cookie token, its idle time restarted; or none.
  std::optional<Session> find(const std::string& token, std::int64_t now);
  void close(const std::string& token);
  // True the first time a live session looks at `object` (a scan batch's
  // letters): such a look is audited once a session, not once an image.
  bool first_look(const std::string& token, const std::string& object);
  // Compares in constant time.
  static bool csrf_matches(const Session& session, const std::string& sent);

 private:
  std::int64_t idle_seconds_;
  std::mutex mutex_;
  std::map<std::string, Session> sessions_;                 // by token hash
  std::map<std::string, std::set<std::string>> looked_at_;  // by token hash
};

}  // namespace kuvert::console

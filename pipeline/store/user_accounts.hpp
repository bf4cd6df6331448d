#pragma once
// The console's users: a name, a role and an Argon2id password hash
// (libsodium's crypto_pwhash_str). Repeated failed logins lock an account
// for a while. Every change and every login attempt goes into the audit
// trail in the same transaction.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/store/run_workflow.hpp"
#include "pipeline/store/store.hpp"

namespace kuvert::store {

struct UserAccount {
  std::string name;
  Role role = Role::viewer;
  std::int64_t failed_logins = 0;
  std::int64_t locked_until = 0;  // Unix time; 0 or past: not locked
  std::string created_at;
  // Changes with every new password (a digest of the salted hash): a
  // session opened before a password change can tell it is stale.
  std::string password_stamp;
  std::string language = "de";  // the console's: "de" or "en"
};

struct LockoutPolicy {
  int attempts = 5;                // failed logins in a row that lock
  std::int64_t seconds = 15 * 60;  // for how long
};

// Names: 1 to 64 letters, digits, '.', '-', '_'. Passwords: 10 to 1024 bytes.
// Throws kuvert::Error (input) naming the field.
void add_user(Store& store, const std::string& name, Role role, const std::string& password, std::int64_t now,
              const std::string& by);
void set_password(Store& store, const std::string& name, const std::string& password, std::int64_t now,
                  const std::string& by);
// A leaver's account goes; a user gets another role. Open console sessions
// of the user end with it. Throws kuvert::Error (input) for an unknown user.
void remove_user(Store& store, const std::string& name, std::int64_t now, const std::string& by);
void set_role(Store& store, const std::string& name, Role role, std::int64_t now, const std::string& by);
// The console's language for the user: "de" (the default) or "en".
void set_language(Store& store, const std::string& name, const std::string& language, std::int64_t now,
                  const std::string& by);
// Lifts a lockout at once (the user called the help desk) and forgets the
// failed logins before it. Throws kuvert::Error (input) for an unknown user.
void unlock_user(Store& store, const std::string& name, std::int64_t now, const std::string& by);
std::vector<UserAccount> list_users(Store& store);
std::optional<UserAccount> find_user(Store& store, const std::string& name);

enum class LoginOutcome { accepted, refused, locked };
struct Login {
  LoginOutcome outcome = LoginOutcome::refused;
  std::optional<UserAccount> user;  // when accepted
};
// Checks a password; an unknown user costs the same time as a wrong
// password, and neither says which it was.
Login log_in(Store& store, const std::string& name, const std::string& password, std::int64_t now,
             const LockoutPolicy& policy = {});

}  // namespace kuvert::store

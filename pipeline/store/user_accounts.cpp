#include "pipeline/store/user_accounts.hpp"

#include <sodium.h>

#include "pipeline/model/error.hpp"
#include "pipeline/store/audit_trail.hpp"

namespace kuvert::store {

namespace {

Where user_field(const std::string& name, const char* field) {
  Where where;
  where.record = "user " + name;
  where.field = field;
  return where;
}

void check_name(const std::string& name) {
  const bool fits =
      !name.empty() && name.size() <= 64 &&
      name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_") == std::string::npos;
  if (!fits) throw_input(user_field(name, "name"), "expected 1 to 64 letters, digits, '.', '-' or '_'");
}

std::string password_hash(const std::string& name, const std::string& password) {
  if (password.size() < 10 || password.size() > 1024)
    throw_input(user_field(name, "password"), "expected 10 to 1024 characters");
  char hash[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    throw_system(user_field(name, "password"), "out of memory while hashing the password");
  return hash;
}

bool password_matches(const std::string& hash, const std::string& password) {
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

// A hash to check against when the user does not exist, so that the answer
// takes as long as for a wrong password.
const std::string& decoy_hash() {
  static const std::string hash = password_hash("decoy", "decoy-password-never-valid");
  return hash;
}

UserAccount read_account(Statement& row) {
  UserAccount user;
  user.name = row.text(0);
  user.role = parse_role(row.text(1)).value_or(Role::viewer);
  user.failed_logins = row.integer(3);
  user.locked_until = row.integer(4);
  user.created_at = row.text(5);
  user.language = row.text(6);
  const std::string hash = row.text(2);
  unsigned char stamp[16];
  crypto_generichash(stamp, sizeof stamp, reinterpret_cast<const unsigned char*>(hash.data()), hash.size(), nullptr, 0);
  char hex[sizeof stamp * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, stamp, sizeof stamp);
  user.password_stamp = hex;
  return user;
}

constexpr const char* kUserColumns =
    "SELECT name, role, password, failed_logins, locked_until, created_at, language FROM users";

}  // namespace

void add_user(Store& store, const std::string& name, Role role, const std::string& password, std::int64_t now,
              const std::string& by) {
  check_name(name);
  const std::string hash = password_hash(name, password);
  Transaction transaction(store.db());
  if (find_user(store, name)) throw_input(user_field(name, "name"), "a user of this name exists already");
  Statement insert(store.db(), "INSERT INTO users(name, role, password, created_at) VALUES (?, ?, ?, ?)");
  insert.bind(1, name).bind(2, std::string(store::name(role))).bind(3, hash).bind(4, iso_time(now)).run();
  append_audit(store, {iso_time(now), by, "user added", "user " + name, "role " + std::string(store::name(role))});
  transaction.commit();
}

void set_password(Store& store, const std::string& name, const std::string& password, std::int64_t now,
                  const std::string& by) {
  const std::string hash = password_hash(name, password);
  Transaction transaction(store.db());
  Statement update(store.db(), "UPDATE users SET password = ?, failed_logins = 0, locked_until = 0 WHERE name = ?");
  update.bind(1, hash).bind(2, name).run();
  if (store.db().changes() == 0) throw_input(user_field(name, "name"), "no such user");
  append_audit(store, {iso_time(now), by, "password set", "user " + name, ""});
  transaction.commit();
}

void remove_user(Store& store, const std::string& name, std::int64_t now, const std::string& by) {
  Transaction transaction(store.db());
  Statement remove(store.db(), "DELETE FROM users WHERE name = ?");
  remove.bind(1, name).run();
  if (store.db().changes() == 0) throw_input(user_field(name, "name"), "no such user");
  append_audit(store, {iso_time(now), by, "user removed", "user " + name, ""});
  transaction.commit();
}

void set_role(Store& store, const std::string& name, Role role, std::int64_t now, const std::string& by) {
  Transaction transaction(store.db());
  Statement update(store.db(), "UPDATE users SET role = ? WHERE name = ?");
  update.bind(1, std::string(store::name(role))).bind(2, name).run();
  if (store.db().changes() == 0) throw_input(user_field(name, "name"), "no such user");
  append_audit(store, {iso_time(now), by, "role set", "user " + name, "role " + std::string(store::name(role))});
  transaction.commit();
}

void set_language(Store& store, const std::string& name, const std::string& language, std::int64_t now,
                  const std::string& by) {
  if (language != "de" && language != "en") throw_input(user_field(name, "language"), "expected de or en");
  Transaction transaction(store.db());
  Statement update(store.db(), "UPDATE users SET language = ? WHERE name = ?");
  update.bind(1, language).bind(2, name).run();
  if (store.db().changes() == 0) throw_input(user_field(name, "name"), "no such user");
  append_audit(store, {iso_time(now), by, "language set", "user " + name, "language " + language});
  transaction.commit();
}

void unlock_user(Store& store, const std::string& name, std::int64_t now, const std::string& by) {
  Transaction transaction(store.db());
  const auto user = find_user(store, name);
  if (!user) throw_input(user_field(name, "name"), "no such user");
  Statement update(store.db(), "UPDATE users SET failed_logins = 0, locked_until = 0 WHERE name = ?");
  update.bind(1, name).run();
  append_audit(store, {iso_time(now), by, "user unlocked", "user " + name,
                       user->locked_until > now ? "was locked" : "was not locked"});
  transaction.commit();
}

std::vector<UserAccount> list_users(Store& store) {
  Statement query(store.db(), std::string(kUserColumns) + " ORDER BY name");
  return query.rows(read_account);
}

std::optional<UserAccount> find_user(Store& store, const std::string& name) {
  Statement query(store.db(), std::string(kUserColumns) + " WHERE name = ?");
  query.bind(1, name);
  return query.first(read_account);
}

Login log_in(Store& store, const std::string& name, const std::string& password, std::int64_t now,
             const LockoutPolicy& policy) {
  std::optional<UserAccount> user;
  std::string hash;
  {
    Statement query(store.db(), std::string(kUserColumns) + " WHERE name = ?");
    query.bind(1, name);
    if (query.step()) {
      user = read_account(query);
      hash = query.text(2);
    }
  }
  // The slow hash check runs outside the write transaction; the counts are
  // read again inside it, so that parallel attempts cannot each see the
  // count before the others and slip past the lock.
  const bool matches = password_matches(user ? hash : decoy_hash(), password) && user.has_value();
  Transaction transaction(store.db());
  user = find_user(store, name);
  Login login;
  // Names of unknown users come from outside: the audit keeps a bounded part.
  const std::string who = name.substr(0, 64);
  const std::string object = "user " + who;
  if (user && user->locked_until > now) {
    login.outcome = LoginOutcome::locked;
    append_audit(store, {iso_time(now), who, "login failed", object, "account locked"});
  } else if (matches && user) {
    Statement reset(store.db(), "UPDATE users SET failed_logins = 0, locked_until = 0 WHERE name = ?");
    reset.bind(1, name).run();
    login.outcome = LoginOutcome::accepted;
    login.user = user;
    login.user->failed_logins = 0;
    append_audit(store, {iso_time(now), who, "login", object, ""});
  } else {
    std::string detail = user ? "wrong password" : "unknown user";
    if (user) {
      const std::int64_t failed = user->failed_logins + 1;
      const bool lock = failed >= policy.attempts;
      Statement count(store.db(), "UPDATE users SET failed_logins = ?, locked_until = ? WHERE name = ?");
      count.bind(1, lock ? std::int64_t{0} : failed).bind(2, lock ? now + policy.seconds : std::int64_t{0});
      count.bind(3, name).run();
      if (lock) detail += "; locked until " + iso_time(now + policy.seconds);
    }
    append_audit(store, {iso_time(now), who, "login failed", object, detail});
  }
  transaction.commit();
  return login;
}

}  // namespace kuvert::store

// POST /api/login, POST /api/logout, GET /api/session.
#include <algorithm>
#include <cctype>

#include "pipeline/console/console_context.hpp"
#include "pipeline/console/login_request.hpp"
#include "pipeline/store/audit_trail.hpp"
#include "pipeline/store/user_accounts.hpp"
#include "stages/ingest/strict_json.hpp"

namespace kuvert::console {

namespace {

using namespace kuvert::store;

// With what the console shows in: the user's language and the centre's
// time zone.
nlohmann::json session_json(ConsoleContext& context, const Session& session) {
  const auto account = find_user(context.store(), session.user);
  return {{"user", session.user},
          {"role", std::string(name(session.role))},
          {"csrf", session.csrf},
          {"language", account ? account->language : "de"},
          {"time_zone", context.config.time_zone}};
}

// {"language": "de" | "en"}: the user's own choice, kept for the next login.
void choose_language(ConsoleContext& context, const httplib::Request& request, httplib::Response& response) {
  const auto session = session_of(context, request, response, true);
  if (!session) return;
  std::string language;
  try {
    const auto body = parse_strict_json(request.body);
    if (body.is_object() && body.contains("language") && body["language"].is_string()) language = body["language"];
  } catch (const JsonRefused&) {
  }
  if (language != "de" && language != "en") return send_error(response, 400, "language: expected \"de\" or \"en\"");
  set_language(context.store(), session->user, language, context.clock(), session->user);
  send_json(response, 200, session_json(context, *session));
}

// One answer for a wrong name, a wrong password and a locked account, so
// that nobody learns from it which accounts exist.
constexpr const char* kLoginRefused =
    "wrong user name or password, or the account is locked for a while after repeated failed logins";

// A form on another site can post text/plain or form data across sites
// without asking, but not JSON: a login that is not JSON could be an
// attacker's account forced on a victim's browser (login CSRF).
bool is_json(const httplib::Request& request) {
  std::string type = request.get_header_value("Content-Type");
  std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
  return type == "application/json" || type.starts_with("application/json;");
}

void login(ConsoleContext& context, const httplib::Request& request, httplib::Response& response) {
  if (!is_json(request)) return send_error(response, 415, "expected a JSON body (Content-Type: application/json)");
  const auto credentials = read_login_request(request.body);
  if (!credentials) return send_error(response, 400, "expected {\"user\": ..., \"password\": ...}");
  const LockoutPolicy policy{context.config.lockout_attempts, context.config.lockout_seconds};
  const Login login = log_in(context.store(), credentials->user, credentials->password, context.clock(), policy);
  if (login.outcome != LoginOutcome::accepted) return send_error(response, 401, kLoginRefused, "login_refused");
  const NewSession created =
      context.sessions.open(login.user->name, login.user->role, login.user->password_stamp, context.clock());
  // A cookie for the browser session: the idle timeout is the server's.
  response.set_header("Set-Cookie", "kuvert_session=" + created.token + "; Path=/; HttpOnly; SameSite=Strict");
  send_json(response, 200, session_json(context, created.session));
}

}  // namespace

void add_session_routes(httplib::Server& server, ConsoleContext& context) {
  server.Post("/api/login", [&context](const httplib::Request& request, httplib::Response& response) {
    login(context, request, response);
  });
  server.Post("/api/logout", [&context](const httplib::Request& request, httplib::Response& response) {
    const auto session = session_of(context, request, response, true);
    if (!session) return;
    context.sessions.close(session_token(request));
    Transaction transaction(context.store().db());
    append_audit(context.store(), {iso_time(context.clock()), session->user, "logout", "user " + session->user, ""});
    transaction.commit();
    response.set_header("Set-Cookie", "kuvert_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    send_json(response, 200, {{"user", session->user}});
  });
  server.Get("/api/session", [&context](const httplib::Request& request, httplib::Response& response) {
    if (const auto session = session_of(context, request, response, false))
      send_json(response, 200, session_json(context, *session));
  });
  server.Post("/api/session/language", [&context](const httplib::Request& request, httplib::Response& response) {
    choose_language(context, request, response);
  });
}

}  // namespace kuvert::console

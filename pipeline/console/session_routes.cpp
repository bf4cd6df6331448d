// POST /api/login, POST /api/logout, GET /api/session.
#include "pipeline/console/console_context.hpp"
#include "pipeline/store/audit_trail.hpp"
#include "pipeline/store/user_accounts.hpp"

namespace kuvert::console {

namespace {

using namespace kuvert::store;

nlohmann::json session_json(const Session& session) {
  return {{"user", session.user}, {"role", std::string(name(session.role))}, {"csrf", session.csrf}};
}

void login(ConsoleContext& context, const httplib::Request& request, httplib::Response& response) {
  const auto body = nlohmann::json::parse(request.body, nullptr, false);
  if (!body.is_object() || !body.contains("user") || !body.contains("password") || !body["user"].is_string() ||
      !body["password"].is_string())
    return send_error(response, 400, "expected {\"user\": ..., \"password\": ...}");
  const std::string user = body["user"];
  const LockoutPolicy policy{context.config.lockout_attempts, context.config.lockout_seconds};
  const Login login = log_in(context.store(), user, body["password"], context.clock(), policy);
  if (login.outcome == LoginOutcome::locked)
    return send_error(response, 401, "the account is locked after repeated failed logins; try again later");
  if (login.outcome != LoginOutcome::accepted) return send_error(response, 401, "wrong user name or password");
  const NewSession created =
      context.sessions.open(login.user->name, login.user->role, login.user->password_stamp, context.clock());
  // A cookie for the browser session: the idle timeout is the server's.
  response.set_header("Set-Cookie", "kuvert_session=" + created.token + "; Path=/; HttpOnly; SameSite=Strict");
  send_json(response, 200, session_json(created.session));
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
      send_json(response, 200, session_json(*session));
  });
}

}  // namespace kuvert::console

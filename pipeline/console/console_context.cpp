#include "pipeline/console/console_context.hpp"

#include <map>
#include <memory>

#include "pipeline/store/user_accounts.hpp"

namespace kuvert::console {

store::Store& ConsoleContext::store() {
  // One connection per worker thread and store, for the thread's life.
  thread_local std::map<std::pair<std::filesystem::path, std::string>, std::unique_ptr<store::Store>> stores;
  auto& slot = stores[{config.store, config.store_url}];
  if (!slot) slot = std::make_unique<store::Store>(store::StoreOptions{config.store, config.wal, config.store_url});
  return *slot;
}

void send_json(httplib::Response& response, int status, const nlohmann::json& body) {
  response.status = status;
  response.set_header("Cache-Control", "no-store");
  // File names from Windows shares may be Latin-1: shown with U+FFFD.
  response.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
}

void send_error(httplib::Response& response, int status, const std::string& message, const std::string& code,
                const nlohmann::json& values) {
  nlohmann::json body{{"error", message}};
  if (!code.empty()) body["code"] = code;
  if (!values.empty()) body["values"] = values;
  send_json(response, status, body);
}

std::string session_token(const httplib::Request& request) {
  const std::string cookies = request.get_header_value("Cookie");
  const std::string name = "kuvert_session=";
  for (std::size_t start = 0; start < cookies.size();) {
    while (start < cookies.size() && cookies[start] == ' ') ++start;
    const std::size_t end = std::min(cookies.find(';', start), cookies.size());
    if (cookies.compare(start, name.size(), name) == 0)
      return cookies.substr(start + name.size(), end - start - name.size());
    start = end + 1;
  }
  return {};
}

std::optional<Session> live_session(ConsoleContext& context, const httplib::Request& request) {
  auto session = context.sessions.find(session_token(request), context.clock());
  // A user removed, given another role or a new password (`kuvert users`)
  // since the login: the session ends.
  if (session) {
    const auto account = store::find_user(context.store(), session->user);
    if (!account || account->role != session->role || account->password_stamp != session->password_stamp) {
      context.sessions.close(session_token(request));
      session.reset();
    }
  }
  return session;
}

std::optional<Session> session_of(ConsoleContext& context, const httplib::Request& request, httplib::Response& response,
                                  bool changing) {
  auto session = live_session(context, request);
  if (!session) {
    send_error(response, 401, "not logged in", "not_logged_in");
    return std::nullopt;
  }
  if (changing && !SessionBook::csrf_matches(*session, request.get_header_value("X-CSRF-Token"))) {
    send_error(response, 403, "missing or wrong CSRF token", "csrf");
    return std::nullopt;
  }
  return session;
}

}  // namespace kuvert::console

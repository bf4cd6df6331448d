#pragma once
// What the console's request handlers share: the configuration, the
// sessions, the clock and a way to tell the service that something
// changed. Handlers run on the HTTP server's worker threads; each thread
// opens its own store connection (SQLite connections are not shared).
#include <httplib.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>

#include "pipeline/config/centre_time.hpp"
#include "pipeline/config/service_config.hpp"
#include "pipeline/console/session_book.hpp"
#include "pipeline/store/store.hpp"

namespace kuvert::console {

struct ConsoleContext {
  ConsoleContext(ServiceConfig config, std::function<std::int64_t()> clock, std::function<void()> changed)
      : config(std::move(config)),
        sessions(this->config.session_seconds),
        centre_time(this->config.time_zone),
        clock(std::move(clock)),
        changed(std::move(changed)) {}

  ServiceConfig config;
  SessionBook sessions;
  CentreTime centre_time;
  std::function<std::int64_t()> clock;  // Unix seconds
  std::function<void()> changed;        // a run changed state: deliver now

  // This thread's connection to the store.
  store::Store& store();
};

void send_json(httplib::Response& response, int status, const nlohmann::json& body);
// {"error": message} in English, for integrators and logs; with a code
// (and its values) the console says it in the user's language.
void send_error(httplib::Response& response, int status, const std::string& message, const std::string& code = {},
                const nlohmann::json& values = nlohmann::json::object());

// The session of a request, if it is still good; answers nothing.
std::optional<Session> live_session(ConsoleContext& context, const httplib::Request& request);
// The session of a request, or nothing after answering 401. A changing
// request must also carry the session's CSRF token in X-CSRF-Token, or it
// is answered 403.
std::optional<Session> session_of(ConsoleContext& context, const httplib::Request& request, httplib::Response& response,
                                  bool changing);
// The cookie token a request carries, or "".
std::string session_token(const httplib::Request& request);

// Each adds its routes to the server.
void add_session_routes(httplib::Server& server, ConsoleContext& context);
void add_run_routes(httplib::Server& server, ConsoleContext& context);
void add_run_file_routes(httplib::Server& server, ConsoleContext& context);
void add_sheet_routes(httplib::Server& server, ConsoleContext& context);
void add_ticket_route(httplib::Server& server, ConsoleContext& context);
void add_job_routes(httplib::Server& server, ConsoleContext& context);
void add_audit_routes(httplib::Server& server, ConsoleContext& context);
void add_metrics_routes(httplib::Server& server, ConsoleContext& context);
void add_report_routes(httplib::Server& server, ConsoleContext& context);
void add_search_routes(httplib::Server& server, ConsoleContext& context);
void add_page_routes(httplib::Server& server);

}  // namespace kuvert::console

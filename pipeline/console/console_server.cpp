#include "pipeline/console/console_server.hpp"

#include <sys/socket.h>

#include <chrono>
#include <mutex>
#include <thread>

#include "pipeline/console/bounded_http_server.hpp"
#include "pipeline/console/console_context.hpp"
#include "pipeline/model/error.hpp"

namespace kuvert::console {

namespace {

// cpp-httplib serves each connection on one worker of a pool (8 by
// default), for as long as the client keeps it open: eight idle or
// half-sent requests stopped every other request, /healthz included. A
// larger pool, a bound on each client's connections and a deadline for
// each request (BoundedHttpServer) keep slow clients from starving the
// console; the read timeout bounds a silent one.
constexpr std::size_t kWorkers = 64;
constexpr int kListenBacklog = 256;  // cpp-httplib's own is 5
constexpr time_t kReadTimeoutSeconds = 5;
constexpr time_t kKeepAliveSeconds = 5;

}  // namespace

struct ConsoleServer::Parts {
  Parts(const ServiceConfig& config, std::function<std::int64_t()> clock, std::function<void()> changed)
      : context(config, std::move(clock), std::move(changed)),
        server(ConnectionBounds{config.connections_per_client, std::chrono::seconds(config.request_seconds)}) {}
  ConsoleContext context;
  BoundedHttpServer server;
  int listening_socket = -1;
  std::mutex mutex;        // over the two flags
  bool listening = false;  // listen() has begun
  bool stopped = false;    // stop() came: a later listen() returns at once
};

ConsoleServer::ConsoleServer(const ServiceConfig& config, std::function<std::int64_t()> clock,
                             std::function<void()> changed, std::function<void(const std::string&)> log)
    : parts_(std::make_unique<Parts>(config, std::move(clock), std::move(changed))) {
  auto& server = parts_->server;
  auto& context = parts_->context;
  server.set_tcp_nodelay(true);  // keep-alive requests wait 40 ms otherwise (STACK.md)
  server.new_task_queue = [] { return new httplib::ThreadPool(kWorkers); };
  server.set_read_timeout(kReadTimeoutSeconds);
  server.set_keep_alive_timeout(kKeepAliveSeconds);
  // SO_REUSEADDR only: cpp-httplib's default SO_REUSEPORT let a second
  // service listen on the same port and take half of the logins.
  server.set_socket_options([parts = parts_.get()](int socket) {
    const int yes = 1;
    ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    parts->listening_socket = socket;
  });
  server.set_payload_max_length(64 * 1024);
  // Requests that change something must come from the console's own page:
  // a browser names the page's origin, which must be this server's.
  server.set_pre_routing_handler([](const httplib::Request& request, httplib::Response& response) {
    if (request.method == "GET" || request.method == "HEAD") return httplib::Server::HandlerResponse::Unhandled;
    const std::string origin = request.get_header_value("Origin");
    const bool cross_site = request.get_header_value("Sec-Fetch-Site") == "cross-site" ||
                            (!origin.empty() && origin != "http://" + request.get_header_value("Host"));
    if (!cross_site) return httplib::Server::HandlerResponse::Unhandled;
    send_error(response, 403, "requests from other sites are refused");
    return httplib::Server::HandlerResponse::Handled;
  });
  server.set_post_routing_handler([](const httplib::Request&, httplib::Response& response) {
    response.set_header("Content-Security-Policy",
                        "default-src 'self'; img-src 'self'; frame-ancestors 'none'; form-action 'self'");
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("X-Frame-Options", "DENY");
    response.set_header("Referrer-Policy", "no-referrer");
  });
  // Details (paths of the store, messages of libraries) go to the log, not
  // to whoever asked.
  server.set_exception_handler(
      [log](const httplib::Request& request, httplib::Response& response, std::exception_ptr error) {
        std::string message = "unknown exception";
        try {
          std::rethrow_exception(error);
        } catch (const std::exception& caught) {
          message = caught.what();
        } catch (...) {
        }
        if (log) log("console: " + request.method + " " + request.path + ": " + message);
        send_error(response, 500, "internal error; the service log has the details");
      });
  add_session_routes(server, context);
  add_run_routes(server, context);
  add_run_file_routes(server, context);
  add_sheet_routes(server, context);
  add_ticket_route(server, context);
  add_job_routes(server, context);
  add_audit_routes(server, context);
  add_metrics_routes(server, context);
  add_report_routes(server, context);
  add_search_routes(server, context);
  add_page_routes(server);
}

ConsoleServer::~ConsoleServer() { stop(); }

int ConsoleServer::bind() {
  const auto& config = parts_->context.config;
  auto& server = parts_->server;
  int port = config.listen_port;
  if (port == 0)
    port = server.bind_to_any_port(config.listen_host);
  else if (!server.bind_to_port(config.listen_host, port))
    port = -1;
  // Listening again only changes the backlog of the socket bound above.
  if (port > 0) ::listen(parts_->listening_socket, kListenBacklog);
  if (port <= 0) {
    Where where;
    where.file = config.file.string();
    where.field = "console.listen";
    throw_system(where, "cannot listen on " + config.listen_host + ":" + std::to_string(config.listen_port) +
                            " (in use, or not an address of this machine)");
  }
  return port;
}

void ConsoleServer::listen() {
  {
    const std::lock_guard lock(parts_->mutex);
    if (parts_->stopped) return;
    parts_->listening = true;
  }
  parts_->server.listen_after_bind();
}

void ConsoleServer::stop() {
  // cpp-httplib's stop() does nothing until its loop runs (it has no way to
  // wait for that; STACK.md): a stop that came too early left listen()
  // blocked in accept() for ever, and its thread unjoinable.
  auto& parts = *parts_;
  bool listening = false;
  {
    const std::lock_guard lock(parts.mutex);
    parts.stopped = true;
    listening = parts.listening;
  }
  for (int i = 0; listening && !parts.server.is_running() && i < 500; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  parts.server.stop();
}

}  // namespace kuvert::console

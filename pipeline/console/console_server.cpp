#include "pipeline/console/console_server.hpp"

#include "pipeline/console/console_context.hpp"
#include "pipeline/model/error.hpp"

namespace kuvert::console {

struct ConsoleServer::Parts {
  Parts(const ServiceConfig& config, std::function<std::int64_t()> clock, std::function<void()> changed)
      : context(config, std::move(clock), std::move(changed)) {}
  ConsoleContext context;
  httplib::Server server;
};

ConsoleServer::ConsoleServer(const ServiceConfig& config, std::function<std::int64_t()> clock,
                             std::function<void()> changed, std::function<void(const std::string&)> log)
    : parts_(std::make_unique<Parts>(config, std::move(clock), std::move(changed))) {
  auto& server = parts_->server;
  auto& context = parts_->context;
  server.set_tcp_nodelay(true);  // keep-alive requests wait 40 ms otherwise (STACK.md)
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
  add_job_routes(server, context);
  add_audit_routes(server, context);
  add_metrics_routes(server, context);
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
  if (port <= 0) {
    Where where;
    where.file = config.file.string();
    where.field = "console.listen";
    throw_system(where, "cannot listen on " + config.listen_host + ":" + std::to_string(config.listen_port) +
                            " (in use, or not an address of this machine)");
  }
  return port;
}

void ConsoleServer::listen() { parts_->server.listen_after_bind(); }

void ConsoleServer::stop() { parts_->server.stop(); }

}  // namespace kuvert::console

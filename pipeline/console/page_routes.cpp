// The console's pages: the single page (/ and /index.html) with its script
// and style sheet, open to everyone because they hold the login form; the
// data come only through the API, behind the login.
#include "pipeline/console/console_context.hpp"
#include "pipeline/console/web_assets.hpp"

namespace kuvert::console {

namespace {

std::string content_type(std::string_view path) {
  const auto ends = [&path](std::string_view end) {
    return path.size() >= end.size() && path.substr(path.size() - end.size()) == end;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  return "application/octet-stream";
}

}  // namespace

void add_page_routes(httplib::Server& server) {
  for (const auto& asset : web_assets()) {
    const auto serve = [&asset](const httplib::Request&, httplib::Response& response) {
      response.set_header("Cache-Control", "no-cache");
      response.set_content(asset.data, asset.size, content_type(asset.path).c_str());
    };
    server.Get(std::string(asset.path), serve);
    if (asset.path == "/index.html") server.Get("/", serve);
  }
}

}  // namespace kuvert::console

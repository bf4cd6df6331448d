#pragma once
// The operator console: the JSON API and the single page behind it, on
// cpp-httplib. Listens where kuvert.toml says (127.0.0.1:8470 unless
// configured otherwise). Every response carries headers that keep the pages
// out of frames and other origins.
#include <functional>
#include <memory>
#include <string>

#include "pipeline/config/service_config.hpp"

namespace kuvert::console {

class ConsoleServer {
 public:
  // `log` receives what went wrong inside a request; the answer itself
  // says only "internal error".
  ConsoleServer(const ServiceConfig& config, std::function<std::int64_t()> clock, std::function<void()> changed,
                std::function<void(const std::string&)> log = {});
  ~ConsoleServer();

  // Binds the configured address (port 0: any free port); returns the port.
  // Throws kuvert::Error (system) when the address is taken.
  int bind();
  // Serves until stop(); call after bind(), on its own thread.
  void listen();
  // Ends listen(), also when it is called before listen() got going (from
  // another thread); then listen() returns at once.
  void stop();

 private:
  struct Parts;
  std::unique_ptr<Parts> parts_;
};

}  // namespace kuvert::console

#include "pipeline/cli/serve_command.hpp"

#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <ctime>
#include <mutex>
#include <optional>
#include <thread>

#include "pipeline/config/service_config.hpp"
#include "pipeline/console/console_server.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/model/terminal_text.hpp"
#include "pipeline/service/service.hpp"
#include "pipeline/store/store.hpp"

namespace kuvert {

namespace {

// One line per entry, whatever names and reasons from input hold.
void log_line(const std::string& text) {
  static std::mutex mutex;
  const std::lock_guard lock(mutex);
  std::fprintf(stderr, "%s kuvert: %s\n", store::iso_time(service::system_seconds()).c_str(),
               terminal_safe(text).c_str());
  std::fflush(stderr);
}

}  // namespace

int serve(const std::filesystem::path& config_file, const std::filesystem::path& layouts,
          const std::filesystem::path& fonts, service::ServiceRole role) {
  const ServiceConfig config = load_service_config(config_file, layouts, fonts);
  if (role == service::ServiceRole::worker && config.store_url.empty())
    throw_input(Where{.file = config_file.string(), .field = "store.url"},
                "kuvert worker adds capacity to a store in PostgreSQL; a SQLite store is one machine's, whose "
                "kuvert serve does all its work");
  std::optional<service::ServiceLock> lock;
  if (config.store_url.empty() && role == service::ServiceRole::serve)
    lock.emplace(config.store);  // before the port and every thread
  // Signals go to one waiting thread, which asks the service to stop after
  // the job at hand.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  service::Service service(config, log_line, service::system_seconds, role);
  // A worker has no console.
  std::optional<console::ConsoleServer> console;
  std::thread web;
  if (role == service::ServiceRole::serve) {
    console.emplace(
        config, service::system_seconds, [&service] { service.wake(); }, log_line);
    const int port = console->bind();
    log_line("console on http://" + config.listen_host + ":" + std::to_string(port) + "/");
    web = std::thread([&console] { console->listen(); });
  }
  std::thread stopper([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    if (signal != 0) log_line(std::string("stopping on ") + (signal == SIGTERM ? "SIGTERM" : "SIGINT"));
    service.stop();
  });
  const auto finish = [&] {
    pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
    if (!console) return;
    console->stop();
    web.join();
  };
  try {
    service.run();
  } catch (...) {
    finish();
    throw;
  }
  finish();
  return 0;
}

}  // namespace kuvert

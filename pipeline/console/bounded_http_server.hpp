#pragma once
// cpp-httplib's server with the bounds a service on a network needs: the
// connections one client may hold (ClientConnections) and the time one
// request may take to arrive (DeadlineSocketStream). cpp-httplib 0.11 has
// no hook for either, but its step that serves one connection is virtual
// (its SSL server replaces it too); this one runs the same keep-alive loop
// over its protected process_request.
#include <httplib.h>

#include <chrono>
#include <cstddef>

#include "pipeline/console/client_connections.hpp"

namespace kuvert::console {

struct ConnectionBounds {
  std::size_t per_client = 16;
  std::chrono::seconds request{10};
};

class BoundedHttpServer : public httplib::Server {
 public:
  explicit BoundedHttpServer(ConnectionBounds bounds) : bounds_(bounds), clients_(bounds.per_client) {}

 private:
  bool process_and_close_socket(int socket) override;

  ConnectionBounds bounds_;
  ClientConnections clients_;
};

}  // namespace kuvert::console

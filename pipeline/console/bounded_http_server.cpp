#include "pipeline/console/bounded_http_server.hpp"

#include <sys/socket.h>
#include <unistd.h>

#include "pipeline/console/deadline_socket_stream.hpp"

namespace kuvert::console {

namespace {

// A client past its bound is told so at once, without its request being
// read, and may try again.
void refuse_busy(DeadlineSocketStream& stream) {
  const std::string body = R"({"error":"too many connections from this client; try again"})";
  stream.write(
      "HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 5\r\n"
      "Content-Type: application/json\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body);
}

}  // namespace

bool BoundedHttpServer::process_and_close_socket(int socket) {
  bool served = false;
  {
    DeadlineSocketStream stream(
        socket, {std::chrono::seconds(read_timeout_sec_), bounds_.request, std::chrono::seconds(write_timeout_sec_)});
    std::string client;
    int port = 0;
    stream.get_remote_ip_and_port(client, port);
    if (const auto admission = clients_.admit(client)) {
      const auto serving = [this] { return svr_sock_ != INVALID_SOCKET; };
      for (std::size_t left = keep_alive_max_count_; left > 0; --left) {
        if (!stream.next_request(std::chrono::seconds(keep_alive_timeout_sec_), serving)) break;
        bool closed = false;
        served = process_request(stream, left == 1, closed, nullptr);
        if (!served || closed || stream.overdue()) break;
      }
    } else {
      refuse_busy(stream);
    }
  }
  ::shutdown(socket, SHUT_RDWR);
  ::close(socket);
  return served;
}

}  // namespace kuvert::console

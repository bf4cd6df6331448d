#pragma once
// One console connection as cpp-httplib reads and writes it, with the bound
// its own socket stream lacks: a request must arrive whole within
// `request` of its start. cpp-httplib's read timeout restarts with every
// byte, so a client sending a byte every few seconds held a worker for
// ever (a slowloris); each single wait is still bounded by `idle`.
#include <httplib.h>

#include <array>
#include <chrono>
#include <functional>

namespace kuvert::console {

class DeadlineSocketStream final : public httplib::Stream {
 public:
  struct Timeouts {
    std::chrono::seconds idle;     // one wait for the client to send
    std::chrono::seconds request;  // a whole request, headers and body
    std::chrono::seconds write;    // one wait for the client to take bytes
  };

  DeadlineSocketStream(int socket, Timeouts timeouts) : socket_(socket), timeouts_(timeouts) {}

  // Waits up to `keep_alive` for the next request of the connection while
  // `serving` says yes; then starts that request's clock.
  bool next_request(std::chrono::seconds keep_alive, const std::function<bool()>& serving);
  // The request's time ran out: the connection must end.
  bool overdue() const { return overdue_; }

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* bytes, size_t size) override;
  ssize_t write(const char* bytes, size_t size) override;
  using httplib::Stream::write;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  int socket() const override { return socket_; }

 private:
  // Waits until the client has sent bytes; false after `idle`, or at the
  // request's deadline (then overdue()).
  bool wait_readable() const;

  int socket_;
  Timeouts timeouts_;
  std::chrono::steady_clock::time_point deadline_ = std::chrono::steady_clock::time_point::max();
  mutable bool overdue_ = false;
  // cpp-httplib reads request lines a byte at a time.
  std::array<char, 4096> buffer_{};
  std::size_t buffered_begin_ = 0;
  std::size_t buffered_end_ = 0;
};

}  // namespace kuvert::console

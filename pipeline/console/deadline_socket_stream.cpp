#include "pipeline/console/deadline_socket_stream.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace kuvert::console {

namespace {

using Clock = std::chrono::steady_clock;

// Polls `socket` for `events` for at most `wait`; true when they came.
bool wait_for(int socket, short events, Clock::duration wait) {
  pollfd entry{socket, events, 0};
  const auto until = Clock::now() + wait;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
    const int ready = ::poll(&entry, 1, static_cast<int>(std::max<long long>(left, 0)));
    if (ready > 0) return true;
    if (ready == 0 || errno != EINTR) return false;
  }
}

void address_of(const sockaddr_storage& address, std::string& ip, int& port) {
  char text[INET6_ADDRSTRLEN] = {};
  if (address.ss_family == AF_INET) {
    const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
    ::inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
    port = ntohs(v4.sin_port);
  } else if (address.ss_family == AF_INET6) {
    const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
    ::inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
    port = ntohs(v6.sin6_port);
  }
  ip = text;
}

}  // namespace

bool DeadlineSocketStream::next_request(std::chrono::seconds keep_alive, const std::function<bool()>& serving) {
  deadline_ = Clock::time_point::max();
  bool ready = buffered_begin_ < buffered_end_;
  // In short steps, so that a stopping service does not wait for idle
  // connections to end.
  for (auto until = Clock::now() + keep_alive; !ready && serving() && Clock::now() < until;)
    ready = wait_for(socket_, POLLIN, std::min<Clock::duration>(std::chrono::milliseconds(100), until - Clock::now()));
  if (ready) deadline_ = Clock::now() + timeouts_.request;
  return ready;
}

bool DeadlineSocketStream::wait_readable() const {
  const auto now = Clock::now();
  if (now >= deadline_) {
    overdue_ = true;
    return false;
  }
  const bool deadline_first = deadline_ - now < timeouts_.idle;
  const bool ready = wait_for(socket_, POLLIN, deadline_first ? deadline_ - now : Clock::duration(timeouts_.idle));
  if (!ready && deadline_first) overdue_ = true;
  return ready;
}

bool DeadlineSocketStream::is_readable() const { return buffered_begin_ < buffered_end_ || wait_readable(); }

bool DeadlineSocketStream::is_writable() const { return wait_for(socket_, POLLOUT, timeouts_.write); }

ssize_t DeadlineSocketStream::read(char* bytes, size_t size) {
  if (buffered_begin_ == buffered_end_) {
    if (!wait_readable()) return -1;
    ssize_t got = 0;
    do got = ::recv(socket_, buffer_.data(), buffer_.size(), 0);
    while (got < 0 && errno == EINTR);
    if (got <= 0) return got;
    buffered_begin_ = 0;
    buffered_end_ = static_cast<std::size_t>(got);
  }
  const std::size_t taken = std::min(size, buffered_end_ - buffered_begin_);
  std::memcpy(bytes, buffer_.data() + buffered_begin_, taken);
  buffered_begin_ += taken;
  return static_cast<ssize_t>(taken);
}

ssize_t DeadlineSocketStream::write(const char* bytes, size_t size) {
  if (!is_writable()) return -1;
  ssize_t sent = 0;
  do sent = ::send(socket_, bytes, size, MSG_NOSIGNAL);
  while (sent < 0 && errno == EINTR);
  return sent;
}

void DeadlineSocketStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (::getpeername(socket_, reinterpret_cast<sockaddr*>(&address), &length) == 0) address_of(address, ip, port);
}

void DeadlineSocketStream::get_local_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (::getsockname(socket_, reinterpret_cast<sockaddr*>(&address), &length) == 0) address_of(address, ip, port);
}

}  // namespace kuvert::console

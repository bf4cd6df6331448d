#pragma once
// How many connections each client (its IP address) has open with the
// console. One client may hold at most `per_client` of the console's
// workers at a time, so a few hosts that open connections and trickle
// their requests cannot take all of them; /healthz and every other client
// are still answered.
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace kuvert::console {

class ClientConnections {
 public:
  explicit ClientConnections(std::size_t per_client) : per_client_(per_client) {}

  // One open connection; closing it (destruction) frees its place.
  class Admission {
   public:
    Admission(ClientConnections& book, std::string client) : book_(&book), client_(std::move(client)) {}
    Admission(Admission&& other) noexcept : book_(other.book_), client_(std::move(other.client_)) {
      other.book_ = nullptr;
    }
    Admission(const Admission&) = delete;
    Admission& operator=(const Admission&) = delete;
    Admission& operator=(Admission&&) = delete;
    ~Admission();

   private:
    ClientConnections* book_;
    std::string client_;
  };

  // A place for one more connection of `client`, or none when it holds
  // `per_client` already.
  std::optional<Admission> admit(const std::string& client);
  std::size_t open(const std::string& client) const;

 private:
  void release(const std::string& client);

  std::size_t per_client_;
  mutable std::mutex mutex_;
  std::map<std::string, std::size_t> open_;  // only clients with one or more
};

}  // namespace kuvert::console

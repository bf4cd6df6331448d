// The body of a login, as anyone who reaches the console may send it.
#include "pipeline/console/login_request.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  kuvert::console::read_login_request(std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}

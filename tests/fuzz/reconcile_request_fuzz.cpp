// The body of a reconciliation in the console, as any logged-in user may send it.
#include "pipeline/console/reconcile_request.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  kuvert::console::read_reconcile_request(std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}

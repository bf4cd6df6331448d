// kuvert.toml as an administrator may get it wrong: toml++ parses it, our
// readers check every key.
#include "pipeline/config/service_config.hpp"
#include "pipeline/model/error.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto path = kuvert::fuzz::input_file(data, size, "kuvert.toml");
  try {
    kuvert::load_service_config(path, "layouts", "fonts");
  } catch (const kuvert::Error&) {
  }
  return 0;
}

#include "tests/support/generated_page.hpp"

#include <stdexcept>

#include "tests/support/kuvert_job.hpp"

namespace kuvert::test {

scan::PixPtr text_page(int dpi) { return sample::text_page(known_text(), source_dir() / "fonts", dpi); }

void write_text_page(const std::filesystem::path& png, int dpi) {
  const scan::PixPtr page = text_page(dpi);
  if (pixWrite(png.c_str(), page.get(), IFF_PNG) != 0) throw std::runtime_error("cannot write " + png.string());
}

}  // namespace kuvert::test

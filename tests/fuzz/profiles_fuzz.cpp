// The layouts an administrator edits, taken apart by our TOML readers on
// top of toml++: the first byte chooses which file the rest replaces in a
// copy of the shipped layouts (a letter layout, an inserter profile, the
// envelopes, the papers, a tariff, the names its salutations read, the
// notification rules and a holiday list), which is then loaded as kuvert
// loads it.
#include <array>
#include <fstream>
#include <iterator>

#include "pipeline/model/error.hpp"
#include "pipeline/profiles/load_fonts.hpp"
#include "pipeline/profiles/load_letters.hpp"
#include "pipeline/profiles/load_notification_rules.hpp"
#include "pipeline/profiles/load_profiles.hpp"
#include "tests/fuzz/fuzz_input.hpp"

namespace {

namespace fs = std::filesystem;

// A copy of the shipped layouts, made once per process.
const fs::path& layouts() {
  static const fs::path copy = [] {
    const fs::path folder = kuvert::fuzz::fuzz_folder() / "layouts";
    fs::copy(KUVERT_SOURCE_DIR "/layouts", folder, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
    return folder;
  }();
  return copy;
}

constexpr std::array<const char*, 9> kFiles{"letters/grundsteuer.toml",
                                            "inserters/generic-omr.toml",
                                            "envelopes.toml",
                                            "papers.toml",
                                            "tariffs/deutsche-post-2025.toml",
                                            "names.toml",
                                            "countries.toml",
                                            "notification.toml",
                                            "holidays/sachsen-anhalt.toml"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const kuvert::FontCatalog fonts = kuvert::load_fonts(KUVERT_SOURCE_DIR "/fonts");
  const fs::path file = layouts() / kFiles[data[0] % kFiles.size()];
  const std::string original = [&] {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }();
  std::ofstream(file, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
  try {
    if (const auto file = data[0] % kFiles.size(); file == 0 || file == 5 || file == 6) {
      kuvert::load_letter_layout(layouts(), "grundsteuer", fonts);
    } else if (file >= 7) {
      kuvert::load_notification_rules(layouts());
    } else {
      kuvert::load_profiles(layouts(), "2026-11-22");
    }
  } catch (const kuvert::Error&) {
  }
  std::ofstream(file, std::ios::binary | std::ios::trunc) << original;  // the next input starts from the shipped files
  return 0;
}

// The words of a print file's pages, as a hostile PDF may make poppler
// find them, split by the shipped split profile and their address lines
// taken apart: one page per block of lines "X Y WIDTH TEXT" (mm), blocks
// separated by an empty line.
#include <sstream>
#include <string>
#include <variant>

#include "pipeline/profiles/load_letters.hpp"
#include "pipeline/profiles/load_split_profile.hpp"
#include "stages/split/address_lines.hpp"
#include "stages/split/document_split.hpp"

namespace {

const kuvert::SplitProfile& profile() {
  static const auto loaded = kuvert::load_split_profile(KUVERT_SOURCE_DIR "/layouts", "musterstadt-abgaben");
  return loaded;
}

const kuvert::split::AddressConventions& conventions() {
  static const kuvert::split::AddressConventions loaded{
      kuvert::load_country_names(KUVERT_SOURCE_DIR "/layouts"), kuvert::load_postcode_forms(KUVERT_SOURCE_DIR "/layouts")};
  return loaded;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  kuvert::split::DocumentSplitter splitter(profile(), "fuzz.pdf");
  kuvert::split::PageText page;
  page.number = 1;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) {
      splitter.add(page);
      page = {page.number + 1, {}};
      continue;
    }
    std::istringstream fields(line);
    double x = 0, y = 0, width = 0;
    std::string text;
    fields >> x >> y >> width;
    std::getline(fields >> std::ws, text);
    if (page.words.size() < kuvert::split::kMaxWordsPerPage) page.words.push_back({text, {x, y, width, 4}});
  }
  splitter.add(page);
  const auto outcome = std::move(splitter).finish();
  for (const auto& document : outcome.documents) {
    const auto recipient = kuvert::split::recipient_of(document.recipient_lines, conventions());
    if (document.pages == 0) __builtin_trap();
    (void)recipient;
  }
  return 0;
}

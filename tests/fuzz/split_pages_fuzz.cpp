// The words of a print file's pages, as a hostile PDF may make poppler
// find them, split by the shipped split profile and their address lines
// taken apart: one page per block of lines "X Y WIDTH TEXT" (mm), blocks
// separated by an empty line.
#include <cmath>
#include <sstream>
#include <string>

#include "pipeline/profiles/load_letters.hpp"
#include "pipeline/profiles/load_split_profile.hpp"
#include "stages/split/address_lines.hpp"
#include "stages/split/document_split.hpp"

namespace {

const kuvert::SplitProfile& profile() {
  static const auto loaded = kuvert::load_split_profile(KUVERT_SOURCE_DIR "/layouts", "musterstadt-abgaben");
  return loaded;
}

const kuvert::split::AddressReader& addresses() {
  static const kuvert::split::AddressReader loaded(
      kuvert::split::AddressConventions{kuvert::load_country_names(KUVERT_SOURCE_DIR "/layouts"),
                                        kuvert::load_postcode_forms(KUVERT_SOURCE_DIR "/layouts")});
  return loaded;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  kuvert::split::DocumentSplitter splitter(profile(), addresses(), "fuzz.pdf");
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
    // Heights from 2 to 6 mm by the width's tenths: odd ones try the line grouping.
    const double height = 2 + std::fmod(std::fabs(width * 10), 5.0);
    if (page.words.size() < kuvert::split::kMaxWordsPerPage) page.words.push_back({text, {x, y, width, height}});
  }
  splitter.add(page);
  const auto outcome = std::move(splitter).finish();
  // Documents follow each other page by page, and a recipient read has a name.
  std::uint32_t next = 1;
  for (const auto& document : outcome.documents) {
    if (document.pages == 0 || document.first_page < next) __builtin_trap();
    next = document.first_page + document.pages;
    if (document.recipient && document.recipient->name.empty()) __builtin_trap();
  }
  if (next > page.number + 1) __builtin_trap();
  return 0;
}

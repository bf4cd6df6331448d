#include "stages/scan/batch_tally.hpp"

namespace kuvert {

void BatchTally::refuse(const std::string& file, std::string reason) { rejected_.push_back({file, std::move(reason)}); }

void BatchTally::open(const std::string& file) { read_.emplace_back(file, 0); }

std::uint32_t BatchTally::count_page() {
  ++read_.back().second;
  return ++batch_page_;
}

void BatchTally::refuse_rest(std::string reason) {
  const auto& [file, pages] = read_.back();
  if (pages == 1) reason += " (its first page was processed)";
  if (pages > 1) reason += " (its first " + std::to_string(pages) + " pages were processed)";
  rejected_.push_back({file, std::move(reason)});
}

}  // namespace kuvert

#pragma once
// A print file made of some pages of another, in their order, each copied
// as it is (not redrawn): what `kuvert split` leaves a job when a profile
// that skips bad documents left some out, so that every page of the job's
// print file belongs to a document, as kuvert run requires.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kuvert {

struct PageSpan {
  std::uint32_t first = 0;  // 1-based
  std::uint32_t count = 0;
};

// Writes `target` of the `spans` of `source` (called `name` in messages).
// Throws kuvert::Error (input) for a page that cannot be copied, (system)
// when the file cannot be written.
void write_pages_of(const std::filesystem::path& source, const std::string& name, const std::vector<PageSpan>& spans,
                    const std::filesystem::path& target, const std::string& created);

}  // namespace kuvert

#include "stages/ingest/id_index.hpp"

namespace kuvert {

std::optional<std::uint64_t> IdIndex::earlier(const std::string& id, std::uint64_t offset, std::uint64_t number) {
  const auto hash = std::hash<std::string>{}(id);
  const auto [begin, end] = seen_.equal_range(hash);
  for (auto it = begin; it != end; ++it)
    if (id_at_(it->second.offset) == id) return it->second.number;
  seen_.emplace(hash, First{offset, number});
  return std::nullopt;
}

}  // namespace kuvert

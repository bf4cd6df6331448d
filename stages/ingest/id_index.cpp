#include "stages/ingest/id_index.hpp"

#include <stdexcept>

namespace kuvert {

std::optional<std::uint64_t> IdIndex::earlier(const std::string& id, std::uint64_t offset, std::uint64_t number) {
  if (number == 0 || number > UINT32_MAX) throw std::out_of_range("record numbers run from 1 to 2^32 - 1");
  if ((used_ + 1) * 10 > slots_.size() * 7) grow();  // at most 70 % full
  const std::uint64_t hash = std::hash<std::string>{}(id);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (slot.number == 0) {
      slot = {hash, offset, static_cast<std::uint32_t>(number)};
      ++used_;
      return std::nullopt;
    }
    if (slot.hash == hash && id_at_(slot.offset) == id) return slot.number;
  }
}

void IdIndex::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.number == 0) continue;
    std::size_t i = slot.hash & mask;
    while (slots_[i].number != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

}  // namespace kuvert

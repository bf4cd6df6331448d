#pragma once
// The record ids of a records file seen so far, to find an id used twice
// without holding every id in memory.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kuvert {

// Keeps a hash of each id with the offset and number (line or row) of the
// record that first used it, in an open-addressing table of 24-byte slots
// (about 35 bytes per record); the ids themselves would weigh more. A hash
// seen before is confirmed by reading the id of that earlier record again,
// through `id_at`.
class IdIndex {
 public:
  // The id of the record that begins at `offset` ("" when it has none).
  using IdAt = std::function<std::string(std::uint64_t offset)>;

  explicit IdIndex(IdAt id_at) : id_at_(std::move(id_at)) {}

  // The number of the earlier record that used `id`, or nothing (and then
  // the record at `offset`, numbered `number`, is remembered as its user).
  std::optional<std::uint64_t> earlier(const std::string& id, std::uint64_t offset, std::uint64_t number);

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint64_t offset = 0;
    std::uint32_t number = 0;  // 0: empty (records are numbered from 1)
  };
  void grow();

  IdAt id_at_;
  std::vector<Slot> slots_;
  std::size_t used_ = 0;
};

}  // namespace kuvert

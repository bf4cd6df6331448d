#pragma once
// The cross-reference index of a PDF file: where each object lives. Built
// once when a spool file is opened from every xref section (classic tables,
// xref streams, hybrid files, /Prev chains); 8 bytes per object, so a file
// with 200,000 objects costs about 1.6 MB.
#include <cstdint>
#include <vector>

#include <podofo/base/PdfReference.h>

namespace kuvert::pdf {

class PdfInput;

enum class XrefType : std::uint8_t { none, free, offset, compressed };

// One object's entry, packed into a single 64-bit word: the top 2 bits are
// the type, the other 62 depend on it:
//   offset:     generation (16 bits) | file offset (46 bits)
//   compressed: object stream number (32 bits) | index in that stream (30 bits)
// All bits zero is `none`, so growing the vector adds unknown objects.
class XrefEntry {
 public:
  static constexpr std::uint64_t kMaxOffset = (std::uint64_t{1} << 46) - 1;  // 64 TB
  static constexpr std::uint64_t kMaxStream = UINT32_MAX;
  static constexpr std::uint64_t kMaxIndex = (std::uint64_t{1} << 30) - 1;

  constexpr XrefEntry() = default;  // none
  static constexpr XrefEntry free_entry() { return XrefEntry(XrefType::free, 0); }
  // Precondition: offset <= kMaxOffset (the reader checks it).
  static constexpr XrefEntry at_offset(std::uint64_t offset, std::uint16_t generation) {
    return XrefEntry(XrefType::offset, std::uint64_t{generation} << 46 | offset);
  }
  // Precondition: index <= kMaxIndex (the reader checks it).
  static constexpr XrefEntry in_stream(std::uint32_t stream, std::uint32_t index) {
    return XrefEntry(XrefType::compressed, std::uint64_t{stream} << 30 | index);
  }

  constexpr XrefType type() const { return static_cast<XrefType>(bits_ >> 62); }
  // Offset entries only.
  constexpr std::uint64_t offset() const { return bits_ & kMaxOffset; }
  // 0 for compressed entries: objects in object streams have generation 0.
  constexpr std::uint16_t generation() const {
    return type() == XrefType::offset ? static_cast<std::uint16_t>(bits_ >> 46) : 0;
  }
  // Compressed entries only.
  constexpr std::uint32_t stream() const { return static_cast<std::uint32_t>(bits_ >> 30); }
  constexpr std::uint32_t index() const { return static_cast<std::uint32_t>(bits_ & kMaxIndex); }

 private:
  constexpr XrefEntry(XrefType type, std::uint64_t payload)
      : bits_(std::uint64_t{static_cast<std::uint8_t>(type)} << 62 | payload) {}

  std::uint64_t bits_ = 0;
};
static_assert(sizeof(XrefEntry) == 8);

struct XrefIndex {
  std::vector<XrefEntry> entries;  // by object number
  PoDoFo::PdfReference root;       // the trailer's /Root

  // The entry of an object in use, or nullptr for free and unknown objects.
  const XrefEntry* find(std::uint32_t number) const {
    if (number >= entries.size()) return nullptr;
    const XrefEntry& entry = entries[number];
    return entry.type() == XrefType::offset || entry.type() == XrefType::compressed ? &entry : nullptr;
  }
};

// Reads all cross-reference sections, newest first; the newest entry of an
// object wins. Throws kuvert::Error(input): "is truncated (no end-of-file
// marker)", "is encrypted; print files must not be", "has a damaged
// cross-reference table" (also for an offset, object stream number or index
// too large for an entry).
XrefIndex read_xref_index(PdfInput& input);

}  // namespace kuvert::pdf

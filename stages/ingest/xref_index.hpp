#pragma once
// The cross-reference index of a PDF file: where each object lives. Built
// once when a spool file is opened from every xref section (classic tables,
// xref streams, hybrid files, /Prev chains); 16 bytes per object, so a file
// with 200,000 objects costs about 3 MB.
#include <cstdint>
#include <vector>

#include <podofo/base/PdfReference.h>

namespace kuvert::ingest {

class PdfInput;

enum class XrefType : std::uint8_t { none, free, offset, compressed };

struct XrefEntry {
  std::uint64_t where = 0;  // file offset, or the object stream's number
  std::uint32_t index = 0;  // position inside the object stream
  std::uint16_t generation = 0;
  XrefType type = XrefType::none;
};
static_assert(sizeof(XrefEntry) == 16);

struct XrefIndex {
  std::vector<XrefEntry> entries;  // by object number
  PoDoFo::PdfReference root;       // the trailer's /Root

  // The entry of an object in use, or nullptr for free and unknown objects.
  const XrefEntry* find(std::uint32_t number) const {
    if (number >= entries.size()) return nullptr;
    const XrefEntry& entry = entries[number];
    return entry.type == XrefType::offset || entry.type == XrefType::compressed ? &entry : nullptr;
  }
};

// Reads all cross-reference sections, newest first; the newest entry of an
// object wins. Throws kuvert::Error(input): "is truncated (no end-of-file
// marker)", "is encrypted; print files must not be", "has a damaged
// cross-reference table".
XrefIndex read_xref_index(PdfInput& input);

}  // namespace kuvert::ingest

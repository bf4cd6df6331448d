#pragma once
// The pages of one part of a scan batch as a worker processed them
// (pipeline/driver/scan_parts), for the worker that assembles the batch's
// documents: an entry per page read, or for a file that failed at a page,
// in the batch's order. Each entry is a CBOR map (RFC 8949, through
// nlohmann-json) after its length in four bytes (big-endian), so that it
// is read one at a time: memory holds one page, never the part.
#include <cstdint>
#include <istream>
#include <optional>
#include <ostream>
#include <string>

#include "stages/scan/processed_page.hpp"

namespace kuvert {

struct ScanPartEntry {
  std::uint32_t file = 0;                  // the file's place in the batch's plan
  std::uint32_t page = 0;                  // 0-based in that file
  std::optional<ProcessedPage> processed;  // the page, or
  std::string failure;                     // why the file failed at it
};

// An entry's bytes at most: a page scanned at 600 dpi in colour is a few
// megabytes as JPEG.
inline constexpr std::uint32_t kMaxScanPartEntryBytes = 128u << 20;

// Appends `entry` to `out`; the caller checks the stream.
void write_scan_part_entry(std::ostream& out, const ScanPartEntry& entry);

class ScanPartReader {
 public:
  // `name` names the file in errors.
  ScanPartReader(std::istream& in, std::string name) : in_(in), name_(std::move(name)) {}
  // The next entry, or nothing at the end of the file. Throws
  // kuvert::Error (input) naming the file and entry: cut short, larger than
  // kMaxScanPartEntryBytes, not CBOR, a field missing or of another kind.
  std::optional<ScanPartEntry> next();

 private:
  std::istream& in_;
  std::string name_;
  std::size_t entries_ = 0;
};

}  // namespace kuvert

#pragma once
// Byte and object access to one PDF file, the lowest layer of the spool
// reader: raw reads at an offset and single objects parsed with PoDoFo's
// tokenizer. Knows nothing about cross-reference tables or pages.
// Not thread-safe: one owner (a SourcePdf).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <podofo/base/PdfRefCountedBuffer.h>
#include <podofo/base/PdfRefCountedInputDevice.h>
#include <podofo/base/PdfVariant.h>

namespace kuvert::pdf {

// A reference in a page tree node's /Kids; object 0 (never in use) stands
// for an entry that is no reference.
struct KidReference {
  std::uint32_t number = 0;
  std::uint16_t generation = 0;
};

// An object parsed at a file offset ("N G obj value [stream ...]").
struct IndirectObject {
  std::uint32_t number = 0;
  std::uint16_t generation = 0;
  PoDoFo::PdfVariant value;                    // null for a free or unknown object
  std::optional<std::uint64_t> stream_offset;  // first data byte, for a stream
};

class PdfInput {
 public:
  // Throws kuvert::Error: input "file not found" / "is not a PDF file", or a
  // system error when the file exists but cannot be read.
  PdfInput(const std::filesystem::path& path, std::string display_name);

  std::uint64_t size() const { return size_; }
  const std::string& name() const { return name_; }
  // Which file was opened: its device and inode.
  std::pair<std::uint64_t, std::uint64_t> identity() const { return identity_; }

  // Up to `length` bytes from `offset` (fewer at the end of the file).
  std::string read(std::uint64_t offset, std::size_t length);

  // The indirect object whose "N G obj" starts at `offset` (whitespace before
  // it is skipped). Throws PoDoFo::PdfError on syntax errors, and
  // kuvert::Error(input) for a value nested deeper than kMaxPdfNesting
  // (pdf_limits.hpp), found before the recursive parser sees it; so does
  // parse_value_at(). parse_value() throws PoDoFo::PdfError for that.
  // With `kids`, a dictionary's /Kids array is not built: it is left empty,
  // and the references it holds go to `kids` (the last /Kids counts, should
  // the key be repeated). A flat page tree's /Kids names every page of the file, and
  // PoDoFo would copy the parsed array several times over.
  IndirectObject parse_object_at(std::uint64_t offset, std::vector<KidReference>* kids = nullptr);
  // A bare value at `offset`, e.g. the trailer dictionary.
  PoDoFo::PdfVariant parse_value_at(std::uint64_t offset);
  // A bare value held in memory (an object inside an object stream); `kids`
  // as for parse_object_at().
  static void parse_value(std::string_view bytes, PoDoFo::PdfVariant& value,
                          std::vector<KidReference>* kids = nullptr);

  // The raw (still encoded) data of a stream starting at `offset`.
  // `declared_length` is its /Length; when it is missing or does not end at
  // "endstream", the data is delimited by searching for "endstream"; when
  // "endobj" comes first, the stream has no end and PoDoFo::PdfError
  // (ePdfError_MissingEndStream) is thrown.
  std::string read_stream_data(std::uint64_t offset, std::optional<std::uint64_t> declared_length);

  // Throws kuvert::Error(input) about this file.
  [[noreturn]] void fail(std::string message) const;

 private:
  void check_nesting_at(std::uint64_t offset);
  bool endstream_follows(std::uint64_t offset);
  std::uint64_t find_endstream(std::uint64_t from);

  std::string name_;
  std::uint64_t size_ = 0;
  std::pair<std::uint64_t, std::uint64_t> identity_;
  PoDoFo::PdfRefCountedInputDevice device_;
  PoDoFo::PdfRefCountedBuffer token_buffer_;
};

}  // namespace kuvert::pdf

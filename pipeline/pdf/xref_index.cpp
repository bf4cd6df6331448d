// Sections are read newest first (startxref, then each /Prev), so "newest
// wins" means "first set wins". Free entries are held back until a section
// is complete: a hybrid file's table marks the objects of its object streams
// free and its /XRefStm stream then gives their real place, in the same
// section. Classic tables are scanned by hand from a buffer because going
// through the tokenizer would cost three tokens per object.
#include "pipeline/pdf/xref_index.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <string>
#include <unordered_set>

#include <podofo/base/PdfArray.h>
#include <podofo/base/PdfDictionary.h>
#include <podofo/base/PdfError.h>
#include <podofo/base/PdfObject.h>

#include "pipeline/pdf/pdf_input.hpp"
#include "pipeline/pdf/stream_decoder.hpp"

namespace kuvert::pdf {
namespace {

const char* const kDamaged = "has a damaged cross-reference table";
constexpr std::size_t kTailWindow = 8192;  // where startxref must be
constexpr std::size_t kEofWindow = 1024;   // where %%EOF must be
constexpr std::size_t kMaxSections = 100000;

bool is_space(int c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

// Sequential reading of a classic xref table through a 64 KB window.
class ByteCursor {
 public:
  ByteCursor(PdfInput& input, std::uint64_t offset) : input_(input), position_(offset) {}

  int peek() {
    if (position_ < window_start_ || position_ >= window_start_ + window_.size()) {
      window_start_ = position_;
      window_ = input_.read(position_, 64 * 1024);
      if (window_.empty()) return -1;
    }
    return static_cast<unsigned char>(window_[position_ - window_start_]);
  }
  int get() {
    const int c = peek();
    if (c >= 0) ++position_;
    return c;
  }
  void skip_space() {
    while (is_space(peek())) ++position_;
  }
  bool skip_word(std::string_view word) {
    for (const char c : word) {
      if (get() != c) return false;
    }
    return true;
  }
  std::optional<std::uint64_t> read_number() {
    skip_space();
    if (peek() < '0' || peek() > '9') return std::nullopt;
    std::uint64_t value = 0;
    while (peek() >= '0' && peek() <= '9') {
      if (value > (UINT64_MAX - 9) / 10) return std::nullopt;
      value = value * 10 + static_cast<std::uint64_t>(get() - '0');
    }
    return value;
  }
  std::uint64_t position() const { return position_; }

 private:
  PdfInput& input_;
  std::uint64_t position_;
  std::uint64_t window_start_ = 0;
  std::string window_;
};

std::uint64_t dict_number(const PoDoFo::PdfDictionary& dict, const char* key, std::uint64_t fallback) {
  const PoDoFo::PdfObject* value = dict.GetKey(key);
  if (value == nullptr) return fallback;
  if (!value->IsNumber() || value->GetNumber() < 0) PODOFO_RAISE_ERROR(PoDoFo::ePdfError_InvalidXRef);
  return static_cast<std::uint64_t>(value->GetNumber());
}

class XrefReader {
 public:
  // Object numbers are 32 bits: in a file over 4 GB they must not wrap.
  explicit XrefReader(PdfInput& input)
      : input_(input), max_objects_(std::clamp<std::uint64_t>(input.size(), 1u << 20, std::uint64_t{1} << 32)) {}

  XrefIndex read() {
    std::optional<std::uint64_t> next = find_startxref();
    std::unordered_set<std::uint64_t> visited;
    try {
      while (next) {
        if (!visited.insert(*next).second || visited.size() > kMaxSections) input_.fail(kDamaged);
        next = read_section(*next);
      }
    } catch (const PoDoFo::PdfError&) {
      input_.fail(kDamaged);
    }
    if (index_.root.ObjectNumber() == 0) input_.fail(kDamaged);
    index_.entries.shrink_to_fit();
    return std::move(index_);
  }

 private:
  std::uint64_t find_startxref() {
    const std::uint64_t start = input_.size() - std::min<std::uint64_t>(input_.size(), kTailWindow);
    const std::string tail = input_.read(start, kTailWindow);
    // %%EOF must close the file (give or take some padding), or a file cut
    // short inside an incremental update would open as its older revision.
    const auto eof = tail.rfind("%%EOF");
    const auto keyword = eof == std::string::npos ? eof : tail.rfind("startxref", eof);
    if (keyword == std::string::npos || tail.size() - eof > kEofWindow) {
      input_.fail("is truncated (no end-of-file marker)");
    }
    ByteCursor cursor(input_, start + keyword + std::strlen("startxref"));
    const auto offset = cursor.read_number();
    if (!offset || *offset >= input_.size()) input_.fail(kDamaged);
    return *offset;
  }

  // Reads the section at `offset`; returns where the previous one is.
  std::optional<std::uint64_t> read_section(std::uint64_t offset) {
    ByteCursor cursor(input_, offset);
    cursor.skip_space();
    PoDoFo::PdfDictionary trailer;
    if (cursor.peek() == 'x') {
      trailer = read_table(cursor);
      check_trailer(trailer);
      if (trailer.HasKey("XRefStm")) read_stream(dict_number(trailer, "XRefStm", 0));
    } else {
      trailer = read_stream(offset);
      check_trailer(trailer);
    }
    commit_free_entries();
    if (!trailer.HasKey("Prev")) return std::nullopt;
    return dict_number(trailer, "Prev", 0);
  }

  PoDoFo::PdfDictionary read_table(ByteCursor& cursor) {
    if (!cursor.skip_word("xref")) input_.fail(kDamaged);
    for (;;) {
      cursor.skip_space();
      if (cursor.peek() == 't') break;
      const auto first = cursor.read_number();
      const auto count = cursor.read_number();
      // Compared without adding, so that a huge first number cannot wrap past the bound.
      if (!first || !count || *first > max_objects_ || *count > max_objects_ - *first) input_.fail(kDamaged);
      for (std::uint64_t i = 0; i < *count; ++i) {
        const auto offset = cursor.read_number();
        const auto generation = cursor.read_number();
        cursor.skip_space();
        const int type = cursor.get();
        if (!offset || !generation || (type != 'n' && type != 'f')) input_.fail(kDamaged);
        const auto number = static_cast<std::uint32_t>(*first + i);
        if (type == 'n' && *offset != 0) {
          set_offset(number, *offset, *generation);
        } else {
          free_entries_.push_back(number);
        }
      }
    }
    if (!cursor.skip_word("trailer")) input_.fail(kDamaged);
    PoDoFo::PdfVariant trailer = input_.parse_value_at(cursor.position());
    if (!trailer.IsDictionary()) input_.fail(kDamaged);
    return trailer.GetDictionary();
  }

  PoDoFo::PdfDictionary read_stream(std::uint64_t offset) {
    IndirectObject object = input_.parse_object_at(offset);
    if (!object.value.IsDictionary() || !object.stream_offset) input_.fail(kDamaged);
    const PoDoFo::PdfDictionary& dict = object.value.GetDictionary();
    std::optional<std::uint64_t> length;
    if (const auto* value = dict.GetKey("Length"); value != nullptr && value->IsNumber()) {
      length = static_cast<std::uint64_t>(std::max<PoDoFo::pdf_int64>(value->GetNumber(), 0));
    }
    const std::string data =
        decode_stream(dict, input_.read_stream_data(*object.stream_offset, length), input_, object.number);

    const PoDoFo::PdfObject* widths = dict.GetKey("W");
    if (widths == nullptr || !widths->IsArray() || widths->GetArray().size() != 3) input_.fail(kDamaged);
    std::array<std::size_t, 3> width{};
    for (std::size_t i = 0; i < 3; ++i) {
      const auto& w = widths->GetArray()[i];
      if (!w.IsNumber() || w.GetNumber() < 0 || w.GetNumber() > 8) input_.fail(kDamaged);
      width[i] = static_cast<std::size_t>(w.GetNumber());
    }
    const std::size_t row = width[0] + width[1] + width[2];
    if (row == 0) input_.fail(kDamaged);

    std::vector<std::uint64_t> ranges;  // first, count, first, count...
    if (const auto* index = dict.GetKey("Index"); index != nullptr && index->IsArray()) {
      for (const auto& n : index->GetArray()) {
        if (!n.IsNumber() || n.GetNumber() < 0) input_.fail(kDamaged);
        ranges.push_back(static_cast<std::uint64_t>(n.GetNumber()));
      }
      if (ranges.size() % 2 != 0) input_.fail(kDamaged);
    } else {
      ranges = {0, dict_number(dict, "Size", 0)};
    }

    std::size_t at = 0;
    auto field = [&](std::size_t bytes, std::uint64_t fallback) {
      if (bytes == 0) return fallback;
      std::uint64_t value = 0;
      for (std::size_t i = 0; i < bytes; ++i) value = (value << 8) | static_cast<unsigned char>(data[at++]);
      return value;
    };
    for (std::size_t r = 0; r < ranges.size(); r += 2) {
      if (ranges[r] + ranges[r + 1] > max_objects_) input_.fail(kDamaged);
      for (std::uint64_t i = 0; i < ranges[r + 1]; ++i) {
        if (at + row > data.size()) input_.fail(kDamaged);
        const auto number = static_cast<std::uint32_t>(ranges[r] + i);
        const std::uint64_t type = field(width[0], 1);
        const std::uint64_t second = field(width[1], 0);
        const std::uint64_t third = field(width[2], 0);
        if (type == 0) {
          free_entries_.push_back(number);
        } else if (type == 1) {
          set_offset(number, second, third);
        } else if (type == 2) {
          set_compressed(number, second, third);
        }  // other types are reserved: the object reads as null
      }
    }
    return dict;
  }

  void check_trailer(const PoDoFo::PdfDictionary& trailer) {
    if (trailer.HasKey("Encrypt")) input_.fail("is encrypted; print files must not be");
    if (index_.root.ObjectNumber() == 0) {
      const PoDoFo::PdfObject* root = trailer.GetKey("Root");
      if (root != nullptr && root->IsReference()) index_.root = root->GetReference();
      // The newest /Size is the object count; reserving it avoids regrowth.
      const auto size = std::min(dict_number(trailer, "Size", 0), max_objects_);
      if (index_.entries.size() < size) index_.entries.resize(static_cast<std::size_t>(size));
    }
  }

  // A value too large for the packed entry cannot be right: no print file
  // is 64 TB, object numbers are 32 bits, no object stream holds 2^30 objects.
  void set_offset(std::uint32_t number, std::uint64_t offset, std::uint64_t generation) {
    if (offset > XrefEntry::kMaxOffset) input_.fail(kDamaged);
    set(number, XrefEntry::at_offset(offset, static_cast<std::uint16_t>(generation)));
  }
  void set_compressed(std::uint32_t number, std::uint64_t stream, std::uint64_t index) {
    if (stream > XrefEntry::kMaxStream || index > XrefEntry::kMaxIndex) input_.fail(kDamaged);
    set(number, XrefEntry::in_stream(static_cast<std::uint32_t>(stream), static_cast<std::uint32_t>(index)));
  }

  void set(std::uint32_t number, XrefEntry entry) {
    if (number >= index_.entries.size()) index_.entries.resize(std::size_t{number} + 1);
    XrefEntry& slot = index_.entries[number];
    if (slot.type() == XrefType::none) slot = entry;
  }

  void commit_free_entries() {
    for (const auto number : free_entries_) set(number, XrefEntry::free_entry());
    free_entries_.clear();
  }

  PdfInput& input_;
  const std::uint64_t max_objects_;
  XrefIndex index_;
  std::vector<std::uint32_t> free_entries_;
};

}  // namespace

XrefIndex read_xref_index(PdfInput& input) { return XrefReader(input).read(); }

}  // namespace kuvert::pdf

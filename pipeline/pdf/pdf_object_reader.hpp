#pragma once
// Objects of a PDF file by number, parsed one at a time on demand: nothing is
// kept but the xref index and the most recently used object stream.
// Not thread-safe: one owner (a SourcePdf).
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <podofo/base/PdfReference.h>
#include <podofo/base/PdfVariant.h>

#include "pipeline/pdf/pdf_input.hpp"
#include "pipeline/pdf/xref_index.hpp"

namespace kuvert::pdf {

class PdfObjectReader {
 public:
  PdfObjectReader(PdfInput& input, XrefIndex index);

  // Whether a reference leads to an object in use (other references mean null).
  bool exists(const PoDoFo::PdfReference& reference) const;
  bool exists(const KidReference& reference) const;
  const PoDoFo::PdfReference& root() const { return index_.root; }
  std::size_t object_count() const { return index_.entries.size(); }

  // Throws kuvert::Error(input) "has a damaged object N" when the object
  // cannot be parsed (or "has a damaged cross-reference table" when its
  // entry does not lead to it). With `kids`, a page tree node's /Kids array
  // is read into `kids` instead (PdfInput::parse_object_at).
  // A free or unknown object comes back with a null value.
  IndirectObject load(std::uint32_t number, std::vector<KidReference>* kids = nullptr);
  // `value` itself, or what its reference (chain) leads to.
  PoDoFo::PdfVariant resolve(const PoDoFo::PdfVariant& value);
  // The stream's raw bytes, exactly as in the file (an indirect /Length is
  // resolved). Throws like load(), and "has a stream (object N) without an
  // end" when neither its /Length nor a search finds where it ends.
  std::string raw_stream(std::uint32_t number, const PoDoFo::PdfDictionary& dict,
                         std::uint64_t stream_offset);

  // The stream's data decoded (stream_decoder.hpp), throws like it.
  std::string decoded_stream(std::uint32_t number, const PoDoFo::PdfDictionary& dict, std::uint64_t stream_offset);

  [[noreturn]] void fail_object(std::uint32_t number) const;
  // Throws kuvert::Error(input) about this file.
  [[noreturn]] void fail(std::string message) const { input_.fail(std::move(message)); }

 private:
  IndirectObject load_from_file(std::uint32_t number, std::uint64_t offset, std::vector<KidReference>* kids = nullptr);
  IndirectObject load_compressed(std::uint32_t number, std::uint32_t stream, std::uint32_t index,
                                 std::vector<KidReference>* kids);
  void decode_object_stream(std::uint32_t stream);

  // The most recently used object stream, decoded, with its header: the
  // object numbers and the byte range of each one.
  struct ObjectStream {
    std::uint32_t number = 0;
    std::string data;
    struct Member {
      std::uint32_t number;
      std::size_t begin;
      std::size_t end;
    };
    std::vector<Member> members;
  };

  PdfInput& input_;
  XrefIndex index_;
  ObjectStream object_stream_;
  int nesting_ = 0;  // object streams being decoded (guards /Length cycles)
};

}  // namespace kuvert::pdf

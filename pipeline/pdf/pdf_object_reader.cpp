// Objects are parsed again each time they are asked for. That is cheap
// (a page dictionary is a few hundred bytes) and keeps memory flat; callers
// that need an object twice keep it themselves. Only the last object stream
// is cached, because page objects are written in page order and so a run of
// requests usually stays inside one stream.
#include "pipeline/pdf/pdf_object_reader.hpp"

#include <algorithm>
#include <cctype>

#include <podofo/base/PdfDictionary.h>
#include <podofo/base/PdfError.h>
#include <podofo/base/PdfObject.h>

#include "pipeline/pdf/stream_decoder.hpp"

namespace kuvert::pdf {
namespace {

constexpr int kMaxReferenceChain = 32;
constexpr int kMaxStreamNesting = 4;  // an object stream's /Length in another one...

}  // namespace

PdfObjectReader::PdfObjectReader(PdfInput& input, XrefIndex index)
    : input_(input), index_(std::move(index)) {}

bool PdfObjectReader::exists(const PoDoFo::PdfReference& reference) const {
  const XrefEntry* entry = index_.find(reference.ObjectNumber());
  return entry != nullptr && entry->generation() == reference.GenerationNumber();
}

bool PdfObjectReader::exists(const KidReference& reference) const {
  const XrefEntry* entry = index_.find(reference.number);
  return entry != nullptr && entry->generation() == reference.generation;
}

IndirectObject PdfObjectReader::load(std::uint32_t number, std::vector<KidReference>* kids) {
  const XrefEntry* entry = index_.find(number);
  if (entry == nullptr) return {};
  try {
    if (entry->type() == XrefType::offset) return load_from_file(number, entry->offset(), kids);
    return load_compressed(number, entry->stream(), entry->index(), kids);
  } catch (const PoDoFo::PdfError&) {
    fail_object(number);
  }
}

PoDoFo::PdfVariant PdfObjectReader::resolve(const PoDoFo::PdfVariant& value) {
  PoDoFo::PdfVariant current = value;
  for (int i = 0; i < kMaxReferenceChain && current.IsReference(); ++i) {
    const auto reference = current.GetReference();
    if (!exists(reference)) return {};
    current = load(reference.ObjectNumber()).value;
  }
  return current.IsReference() ? PoDoFo::PdfVariant() : current;
}

std::string PdfObjectReader::raw_stream(std::uint32_t number, const PoDoFo::PdfDictionary& dict,
                                        std::uint64_t stream_offset) {
  std::optional<std::uint64_t> length;
  if (const PoDoFo::PdfObject* declared = dict.GetKey("Length")) {
    const PoDoFo::PdfVariant value = resolve(*declared);
    if (value.IsNumber() && value.GetNumber() >= 0) length = static_cast<std::uint64_t>(value.GetNumber());
  }
  try {
    return input_.read_stream_data(stream_offset, length);
  } catch (const PoDoFo::PdfError& error) {
    if (error.GetError() != PoDoFo::ePdfError_MissingEndStream) fail_object(number);
    fail("has a stream (object " + std::to_string(number) +
         ") without an end: its /Length does not lead to \"endstream\" and none follows before \"endobj\"");
  }
}

std::string PdfObjectReader::decoded_stream(std::uint32_t number, const PoDoFo::PdfDictionary& dict,
                                            std::uint64_t stream_offset) {
  return decode_stream(dict, raw_stream(number, dict, stream_offset), input_, number);
}

void PdfObjectReader::fail_object(std::uint32_t number) const {
  input_.fail("has a damaged object " + std::to_string(number));
}

IndirectObject PdfObjectReader::load_from_file(std::uint32_t number, std::uint64_t offset,
                                               std::vector<KidReference>* kids) {
  IndirectObject object = input_.parse_object_at(offset, kids);
  if (object.number != number) input_.fail("has a damaged cross-reference table");
  return object;
}

IndirectObject PdfObjectReader::load_compressed(std::uint32_t number, std::uint32_t stream, std::uint32_t index,
                                                std::vector<KidReference>* kids) {
  if (object_stream_.number != stream || object_stream_.members.empty()) decode_object_stream(stream);
  const auto& members = object_stream_.members;
  auto member = members.begin() + std::min<std::size_t>(index, members.size());
  if (member == members.end() || member->number != number) {
    member = std::find_if(members.begin(), members.end(),
                          [number](const auto& m) { return m.number == number; });
  }
  if (member == members.end()) return {};
  const std::string_view data(object_stream_.data);
  IndirectObject object;
  object.number = number;
  PdfInput::parse_value(data.substr(member->begin, member->end - member->begin), object.value, kids);
  return object;
}

void PdfObjectReader::decode_object_stream(std::uint32_t stream) {
  struct NestingGuard {
    int& depth;
    explicit NestingGuard(int& d) : depth(++d) {}
    ~NestingGuard() { --depth; }
  } guard(nesting_);
  const XrefEntry* entry = index_.find(stream);
  if (entry == nullptr || entry->type() != XrefType::offset || nesting_ > kMaxStreamNesting) {
    fail_object(stream);
  }

  IndirectObject container = load_from_file(stream, entry->offset());
  if (!container.value.IsDictionary() || !container.stream_offset) fail_object(stream);
  const PoDoFo::PdfDictionary& dict = container.value.GetDictionary();
  ObjectStream decoded;
  decoded.number = stream;
  decoded.data = decoded_stream(stream, dict, *container.stream_offset);

  auto direct_or_resolved = [&](const char* key) {
    const PoDoFo::PdfObject* value = dict.GetKey(key);
    return value ? resolve(*value) : PoDoFo::PdfVariant();
  };
  const PoDoFo::PdfVariant count = direct_or_resolved("N");
  const PoDoFo::PdfVariant first = direct_or_resolved("First");
  if (!count.IsNumber() || !first.IsNumber() || count.GetNumber() < 0 || first.GetNumber() < 0 ||
      static_cast<std::uint64_t>(first.GetNumber()) > decoded.data.size()) {
    fail_object(stream);
  }

  // The header: N pairs "object-number offset", offsets relative to /First.
  const auto header_end = static_cast<std::size_t>(first.GetNumber());
  std::size_t at = 0;
  auto next_number = [&]() -> std::uint64_t {
    while (at < header_end && !std::isdigit(static_cast<unsigned char>(decoded.data[at]))) ++at;
    if (at >= header_end) fail_object(stream);
    std::uint64_t value = 0;
    while (at < header_end && std::isdigit(static_cast<unsigned char>(decoded.data[at]))) {
      value = value * 10 + static_cast<std::uint64_t>(decoded.data[at++] - '0');
      if (value > UINT32_MAX) fail_object(stream);
    }
    return value;
  };
  for (std::int64_t i = 0; i < count.GetNumber(); ++i) {
    const auto number = static_cast<std::uint32_t>(next_number());
    const auto begin = header_end + next_number();
    if (begin > decoded.data.size()) fail_object(stream);
    decoded.members.push_back(ObjectStream::Member{number, begin, decoded.data.size()});
  }

  // Each object ends where the next one (by offset) begins.
  std::vector<std::size_t> begins;
  for (const auto& member : decoded.members) begins.push_back(member.begin);
  std::sort(begins.begin(), begins.end());
  for (auto& member : decoded.members) {
    const auto next = std::upper_bound(begins.begin(), begins.end(), member.begin);
    if (next != begins.end()) member.end = *next;
  }
  object_stream_ = std::move(decoded);
}

}  // namespace kuvert::pdf

// PoDoFo's tokenizer keeps a private queue of look-ahead tokens (it reads two
// tokens past a number to tell "12" from "12 0 R"). A tokenizer that is
// re-positioned with Seek could hand out stale tokens from that queue, so
// every parse gets a fresh tokenizer on the shared device and token buffer
// (cheap next to the parse itself). The device is our own buffered one; see
// buffered_file_device.hpp for why.
#include "pipeline/pdf/pdf_input.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ios>

#include <podofo/base/PdfArray.h>
#include <podofo/base/PdfDictionary.h>
#include <podofo/base/PdfError.h>
#include <podofo/base/PdfInputDevice.h>
#include <podofo/base/PdfTokenizer.h>

#include "pipeline/model/error.hpp"
#include "pipeline/pdf/buffered_file_device.hpp"
#include "pipeline/pdf/nesting_check.hpp"
#include "pipeline/pdf/pdf_limits.hpp"

namespace kuvert::pdf {
namespace {

constexpr std::size_t kTokenBufferSize = 4096;
constexpr std::size_t kHeaderWindow = 1024;  // where "%PDF-" may appear
constexpr std::string_view kEndstream = "endstream";

Where at_file(const std::string& name) {
  Where where;  // (designated initialisers trip -Wmissing-field-initializers)
  where.file = name;
  return where;
}

bool is_pdf_whitespace(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

// PoDoFo's tokenizer, reading a top-level dictionary in place (PoDoFo's
// values have no moves, and its own reader copies a dictionary deeply more
// than once), and optionally reporting a /Kids array reference by reference
// instead of building it.
class ValueTokenizer : public PoDoFo::PdfTokenizer {
 public:
  using PoDoFo::PdfTokenizer::PdfTokenizer;

  void read_value(PoDoFo::PdfVariant& value, std::vector<KidReference>* kids) {
    const char* token = next_token();
    if (std::strcmp(token, "<<") != 0) return GetNextVariant(token, type_, value, nullptr);
    value = PoDoFo::PdfVariant(PoDoFo::PdfDictionary());
    PoDoFo::PdfDictionary& dictionary = value.GetDictionary();
    for (token = next_token(); std::strcmp(token, ">>") != 0; token = next_token()) {
      PoDoFo::PdfVariant key;
      GetNextVariant(token, type_, key, nullptr);
      if (!key.IsName()) PODOFO_RAISE_ERROR_INFO(PoDoFo::ePdfError_InvalidDataType, "dictionary key");
      const PoDoFo::PdfName& name = key.GetName();
      token = next_token();
      if (kids != nullptr && name == PoDoFo::PdfName("Kids") && std::strcmp(token, "[") == 0) {
        kids->clear();  // should the key be repeated, the last one counts
        read_references(*kids);
        dictionary.AddKey(name, PoDoFo::PdfArray());
        continue;
      }
      if (name.GetLength() == 0) {
        // PoDoFo cannot look up the empty name "/": its entry is read and
        // left out (no viewer gives it a meaning).
        PoDoFo::PdfVariant ignored;
        GetNextVariant(token, type_, ignored, nullptr);
        continue;
      }
      dictionary.AddKey(name, PoDoFo::PdfObject());
      GetNextVariant(token, type_, *dictionary.GetKey(name), nullptr);
    }
  }

 private:
  const char* next_token() {
    const char* token = nullptr;
    if (!GetNextToken(token, &type_)) PODOFO_RAISE_ERROR_INFO(PoDoFo::ePdfError_UnexpectedEOF, "value");
    return token;
  }

  void read_references(std::vector<KidReference>& kids) {
    for (const char* token = next_token(); std::strcmp(token, "]") != 0; token = next_token()) {
      PoDoFo::PdfVariant entry;
      GetNextVariant(token, type_, entry, nullptr);
      kids.push_back(entry.IsReference() ? KidReference{entry.GetReference().ObjectNumber(),
                                                        entry.GetReference().GenerationNumber()}
                                         : KidReference{});
    }
  }

  PoDoFo::EPdfTokenType type_ = PoDoFo::ePdfTokenType_Unknown;
};

}  // namespace

PdfInput::PdfInput(const std::filesystem::path& path, std::string display_name)
    : name_(std::move(display_name)), token_buffer_(kTokenBufferSize) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) fail("file not found");

  auto* device = new BufferedFileDevice(path);
  device_ = PoDoFo::PdfRefCountedInputDevice(device);  // owns it from here on
  if (device->open_error() == EISDIR) fail("is not a PDF file");
  if (device->open_error() == ESPIPE) fail("is not a regular file (a pipe, device or socket)");
  // Not the machine's fault but the job's: a file it may not read (in the
  // service, one outside its own folder, reached through a link).
  if (device->open_error() == EACCES) fail("cannot be read: permission denied");
  if (device->open_error() != 0) {
    throw Error(ErrorKind::system, at_file(name_),
                std::string("cannot be read: ") + std::strerror(device->open_error()));
  }
  size_ = device->size();
  identity_ = {device->device(), device->inode()};

  if (read(0, kHeaderWindow).find("%PDF-") == std::string::npos) fail("is not a PDF file");
}

std::string PdfInput::read(std::uint64_t offset, std::size_t length) {
  if (offset >= size_) return {};
  length = static_cast<std::size_t>(std::min<std::uint64_t>(length, size_ - offset));
  std::string bytes(length, '\0');
  device_.Device()->Seek(static_cast<std::streamoff>(offset));
  const auto got = device_.Device()->Read(bytes.data(), static_cast<std::streamsize>(length));
  bytes.resize(static_cast<std::size_t>(std::max<std::streamoff>(got, 0)));
  return bytes;
}

IndirectObject PdfInput::parse_object_at(std::uint64_t offset, std::vector<KidReference>* kids) {
  check_nesting_at(offset);
  ValueTokenizer tokenizer(device_, token_buffer_);
  auto* device = device_.Device();
  device->Seek(static_cast<std::streamoff>(offset));

  IndirectObject object;
  const auto number = tokenizer.GetNextNumber();
  const auto generation = tokenizer.GetNextNumber();
  if (number < 0 || number > UINT32_MAX || generation < 0 || generation > UINT16_MAX ||
      !tokenizer.IsNextToken("obj")) {
    PODOFO_RAISE_ERROR_INFO(PoDoFo::ePdfError_NoObject, "no object header");
  }
  object.number = static_cast<std::uint32_t>(number);
  object.generation = static_cast<std::uint16_t>(generation);
  tokenizer.read_value(object.value, kids);

  const char* token = nullptr;
  if (object.value.IsDictionary() && tokenizer.GetNextToken(token) &&
      std::strcmp(token, "stream") == 0) {
    // The keyword is followed by CRLF or LF (a lone CR is tolerated).
    if (device->Look() == '\r') device->GetChar();
    if (device->Look() == '\n') device->GetChar();
    object.stream_offset = static_cast<std::uint64_t>(device->Tell());
  }
  return object;
}

PoDoFo::PdfVariant PdfInput::parse_value_at(std::uint64_t offset) {
  check_nesting_at(offset);
  PoDoFo::PdfTokenizer tokenizer(device_, token_buffer_);
  device_.Device()->Seek(static_cast<std::streamoff>(offset));
  PoDoFo::PdfVariant value;
  tokenizer.GetNextVariant(value, nullptr);
  return value;
}

void PdfInput::parse_value(std::string_view bytes, PoDoFo::PdfVariant& value, std::vector<KidReference>* kids) {
  // Bytes from an object stream: too deep a value is damage like any other.
  if (NestingCheck(kMaxPdfNesting).feed(bytes) == NestingCheck::Verdict::too_deep) {
    PODOFO_RAISE_ERROR_INFO(PoDoFo::ePdfError_InvalidDataType, "nested too deeply");
  }
  ValueTokenizer tokenizer(bytes.data(), bytes.size());
  tokenizer.read_value(value, kids);
}

std::string PdfInput::read_stream_data(std::uint64_t offset,
                                       std::optional<std::uint64_t> declared_length) {
  if (declared_length && *declared_length <= size_ - std::min(offset, size_) &&
      endstream_follows(offset + *declared_length)) {
    return read(offset, static_cast<std::size_t>(*declared_length));
  }
  std::uint64_t end = find_endstream(offset);
  // The end-of-line marker before "endstream" is not part of the data.
  const std::uint64_t eol_length = std::min<std::uint64_t>(2, end - offset);
  const std::string eol = read(end - eol_length, static_cast<std::size_t>(eol_length));
  if (eol.ends_with("\r\n")) {
    end -= 2;
  } else if (eol.ends_with('\n') || eol.ends_with('\r')) {
    end -= 1;
  }
  return read(offset, static_cast<std::size_t>(end - offset));
}

void PdfInput::check_nesting_at(std::uint64_t offset) {
  constexpr std::size_t kChunk = 4096;
  NestingCheck check(kMaxPdfNesting);
  for (std::uint64_t at = offset; at < size_; at += kChunk) {
    switch (check.feed(read(at, kChunk))) {
      case NestingCheck::Verdict::done:
        return;
      case NestingCheck::Verdict::too_deep:
        fail("has arrays or dictionaries nested more than " + std::to_string(kMaxPdfNesting) +
             " deep (object at byte " + std::to_string(offset) + ")");
      case NestingCheck::Verdict::more:
        break;
    }
  }
}

bool PdfInput::endstream_follows(std::uint64_t offset) {
  const std::string tail = read(offset, 32);
  std::size_t i = 0;
  while (i < tail.size() && is_pdf_whitespace(tail[i])) ++i;
  return std::string_view(tail).substr(i).starts_with(kEndstream);
}

std::uint64_t PdfInput::find_endstream(std::uint64_t from) {
  constexpr std::size_t kChunk = 64 * 1024;
  for (std::uint64_t at = from; at < size_; at += kChunk - kEndstream.size()) {
    const std::string chunk = read(at, kChunk);
    const auto hit = chunk.find(kEndstream);
    // Past the object's end there are other objects' bytes: taking them
    // would print what belongs elsewhere (another page's text).
    if (chunk.find("endobj") < hit) break;
    if (hit != std::string::npos) return at + hit;
    if (chunk.size() < kChunk) break;
  }
  PODOFO_RAISE_ERROR_INFO(PoDoFo::ePdfError_MissingEndStream, "no endstream");
}

void PdfInput::fail(std::string message) const {
  throw Error(ErrorKind::input, at_file(name_), std::move(message));
}

}  // namespace kuvert::pdf

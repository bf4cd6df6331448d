#include "pipeline/pdf/pdf_file_writer.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "pipeline/model/error.hpp"
#include "pipeline/model/utf8.hpp"

namespace kuvert {
namespace {

// A PDF text string: ASCII as a literal with the characters that need it
// escaped, anything else as UTF-16 (a job or field named "Müll", say).
std::string pdf_text(const std::string& text) {
  if (std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
    return "<FEFF" + utf16_hex(text) + ">";
  return pdf_literal(text);
}

}  // namespace

PdfFileWriter::PdfFileWriter(const std::filesystem::path& path, PdfFileInfo info)
    : path_(path), info_(std::move(info)), file_(std::fopen(path.c_str(), "wb")), buffer_(1 << 20) {
  if (!file_) throw_system(Where{.file = path.string()}, std::string("cannot create: ") + std::strerror(errno));
  std::setvbuf(file_.get(), buffer_.data(), _IOFBF, buffer_.size());
  // The binary comment tells transfer tools that the file is not text.
  put("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");
}

PdfFileWriter::~PdfFileWriter() = default;

void PdfFileWriter::put(std::string_view bytes) {
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_.get()) != bytes.size())
    throw_system(Where{.file = path_.string()}, std::string("cannot write: ") + std::strerror(errno));
  hash_.update(bytes);
  offset_ += bytes.size();
}

void PdfFileWriter::write(const PdfObjectBytes& object) {
  if (object.number >= offsets_.size()) offsets_.resize(object.number + 1, 0);
  offsets_[object.number] = offset_;
  put(std::to_string(object.number) + " 0 obj\n");
  put(object.body);
  put("\nendobj\n");
}

PdfFileResult PdfFileWriter::finish(std::uint32_t info_object, std::uint32_t object_count) {
  write({kSaveStateObject, "<< /Length 2 >>\nstream\nq\n\nendstream"});
  // The page tree and the cross-reference table are written in pieces: a
  // spool of composed letters has hundreds of thousands of entries.
  constexpr std::size_t kPiece = 1024;
  offsets_[kPagesObject] = offset_;
  put("2 0 obj\n<< /Type /Pages /Count " + std::to_string(pages_.size()) + " /Kids [ ");
  std::string piece;
  for (std::size_t i = 0; i < pages_.size(); ++i) {
    piece += std::to_string(pages_[i]);
    piece += " 0 R ";
    if ((i + 1) % kPiece == 0 || i + 1 == pages_.size()) {
      put(piece);
      piece.clear();
    }
  }
  put("] >>\nendobj\n");
  write({kCatalogObject, "<< /Type /Catalog /Pages 2 0 R " + info_.catalog_entries + " >>"});
  write({info_object, "<< /Producer (kuvert) /Title " + pdf_text(info_.title) + " /CreationDate " +
                          pdf_text(info_.creation_date) +
                          (info_.keywords.empty() ? "" : " /Keywords " + pdf_text(info_.keywords)) + " >>"});

  if (offsets_.size() < object_count) offsets_.resize(object_count, 0);
  const std::uint64_t xref_offset = offset_;
  put("xref\n0 " + std::to_string(offsets_.size()) + "\n0000000000 65535 f \n");
  char entry[32];
  for (std::size_t number = 1; number < offsets_.size(); ++number) {
    if (offsets_[number])
      std::snprintf(entry, sizeof entry, "%010llu 00000 n \n", static_cast<unsigned long long>(offsets_[number]));
    else
      std::snprintf(entry, sizeof entry, "0000000000 65535 f \n");
    piece += entry;
    if (number % kPiece == 0 || number + 1 == offsets_.size()) {
      put(piece);
      piece.clear();
    }
  }
  std::string id = "<";
  id += hash_.hex().substr(0, 32);
  id += '>';
  put("trailer\n<< /Size " + std::to_string(offsets_.size()) + " /Root 1 0 R /Info " + std::to_string(info_object) +
      " 0 R /ID [" + id + id + "] >>\nstartxref\n" + std::to_string(xref_offset) + "\n%%EOF\n");
  if (std::fflush(file_.get()) != 0 || std::ferror(file_.get()) || ::fsync(::fileno(file_.get())) != 0)
    throw_system(Where{.file = path_.string()}, std::string("cannot write: ") + std::strerror(errno));
  if (std::fclose(file_.release()) != 0)
    throw_system(Where{.file = path_.string()}, std::string("cannot write: ") + std::strerror(errno));
  return {offset_, hash_.hex(), static_cast<std::uint32_t>(pages_.size())};
}

}  // namespace kuvert

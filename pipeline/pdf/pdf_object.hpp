#pragma once
// PDF objects handed from stage to stage while a run file is built: source
// pages are copied out (source_pdf), impose adds pages and marks, the file
// writer (pdf_file_writer) writes them. Everything is already serialised, so the writer only appends bytes
// and memory stays bounded by the pieces in flight.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace kuvert {

// Object numbers every run file reserves (a contract between impose, which
// refers to them, and deliver, which writes them).
inline constexpr std::uint32_t kCatalogObject = 1;
inline constexpr std::uint32_t kPagesObject = 2;      // the single /Pages node
inline constexpr std::uint32_t kSaveStateObject = 3;  // content stream "q"
inline constexpr std::uint32_t kFirstFreeObject = 4;

// Numbers and references in PDF syntax. Numbers go to a thousandth of a
// point, trailing zeros dropped: "547.087", "0.5", "-3", "0".
std::string pdf_number(double value);
std::string pdf_thousandths(std::int64_t thousandths);  // 547087 -> "547.087"
std::string pdf_reference(std::uint32_t number);        // "12 0 R"
// A literal string of `bytes` as they are: "(" and ")" around, and "(",
// ")" and "\\" escaped.
std::string pdf_literal(std::string_view bytes);
// A PDF date of an ISO 8601 UTC time: "2026-11-22T10:15:00Z" -> "D:20261122101500Z".
std::string pdf_date(const std::string& iso);

// A stream object's body: "<< ENTRIES /Length N >>\nstream\nDATA\nendstream".
std::string pdf_stream(const std::string& entries, std::string_view data);
// `data` compressed for a /FlateDecode stream (zlib format). Level 1:
// composing spent a fifth of its time compressing at zlib's default level 6,
// for streams only a tenth smaller.
std::string deflate(std::string_view data);
// pdf_stream of `data` deflated, /Filter /FlateDecode added to `entries`.
std::string flate_stream(const std::string& entries, std::string_view data);

// A page of the page tree kPagesObject, drawn by the stream `contents`:
// "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 W H] /Resources R /Contents C 0 R >>";
// `resources` is a dictionary or a reference.
std::string pdf_page(double width_pt, double height_pt, const std::string& resources, std::uint32_t contents);

// An indirect object: its number and its body, everything between
// "N 0 obj\n" and "\nendobj" (a stream's dictionary, keyword and data included).
struct PdfObjectBytes {
  std::uint32_t number = 0;
  std::string body;
};

// Numbers of one output file. Source objects are keyed by (file, number) so
// that an object shared by many pages (a font) is copied once per file.
// Not thread-safe: one owner per output file.
class ObjectNumbering {
 public:
  std::uint32_t allocate() { return next_++; }

  // The output number of a source object, and whether it was new (then the
  // caller must copy the object).
  std::pair<std::uint32_t, bool> map(std::uint32_t file, std::uint32_t source_number) {
    const std::uint64_t key = (std::uint64_t{file} << 32) | source_number;
    auto [it, inserted] = copied_.try_emplace(key, next_);
    if (inserted) ++next_;
    return {it->second, inserted};
  }

  std::uint32_t next() const { return next_; }

 private:
  std::uint32_t next_ = kFirstFreeObject;
  std::unordered_map<std::uint64_t, std::uint32_t> copied_;
};

// A source page copied for one output file.
struct CopiedPage {
  // The page dictionary's entries without /Type, /Parent, /Contents and the
  // interactive ones, inherited attributes resolved, references renumbered;
  // ready to be placed inside "<< ... >>".
  std::string entries;
  std::vector<std::uint32_t> contents;  // output numbers of its content streams
  std::vector<PdfObjectBytes> objects;  // objects first needed by this page
  // The page's box in points (PDF user space): its /MediaBox, which is the
  // source page's visible area.
  double llx = 0, lly = 0, urx = 0, ury = 0;
};

// A source page made a form XObject, to be drawn inside other pages (a
// letterhead's logo).
struct CopiedForm {
  std::uint32_t form = 0;                     // the XObject's output number
  std::vector<PdfObjectBytes> objects;        // the form and every object it needs
  double llx = 0, lly = 0, urx = 0, ury = 0;  // its /BBox: the page's visible box
};

}  // namespace kuvert

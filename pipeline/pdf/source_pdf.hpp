#pragma once
// A print file ("spool"): one PDF of up to 50,000+ pages, read lazily so that
// memory stays flat as files grow. Opening builds a compact index (8 bytes
// per object, 4 per page); pages are parsed one at a time when asked for.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>

#include "pipeline/pdf/page_geometry.hpp"
#include "pipeline/pdf/page_ink.hpp"
#include "pipeline/pdf/page_obstacle.hpp"
#include "pipeline/pdf/page_words.hpp"
#include "pipeline/pdf/pdf_object.hpp"

namespace kuvert {

namespace pdf {
class PdfInput;
class PdfObjectReader;
class PageList;
}  // namespace pdf

// Not thread-safe; one owner. Every failure is a kuvert::Error whose
// Where::file is the display name.
class SourcePdf {
 public:
  // Opens and indexes the file. Throws kuvert::Error(ErrorKind::input) with
  // the messages "file not found", "is not a PDF file", "is truncated (no
  // end-of-file marker)", "is encrypted; print files must not be", "has a
  // damaged cross-reference table", "has a damaged page tree", "has no
  // pages"; ErrorKind::system when the file exists but cannot be read.
  SourcePdf(const std::filesystem::path& path, std::string display_name);
  ~SourcePdf();
  SourcePdf(const SourcePdf&) = delete;
  SourcePdf& operator=(const SourcePdf&) = delete;

  std::uint32_t page_count() const;
  // The device and inode of the file that was opened, which a caller
  // compares with what it checked (a name may point elsewhere by now).
  std::pair<std::uint64_t, std::uint64_t> identity() const;

  // The visible box of a 0-based page (its /CropBox clipped to its
  // /MediaBox, or the /MediaBox) and its /Rotate, as read when the file was
  // opened. Throws std::out_of_range for a page past the end.
  PageGeometry geometry(std::uint32_t page) const;
  // What keeps the page from being imposed as a viewer prints it
  // (annotations that would print, layers, /UserUnit, a CropBox beside the
  // page; page_obstacle.hpp), found when the file was opened.
  pdf::PageObstacle obstacle(std::uint32_t page) const;
  // The first ink of a 0-based page inside `zones` (mm from the top left
  // of its visible box) and its fonts without a program
  // (page_ink.hpp). Throws kuvert::Error(input) for a page that
  // cannot be checked.
  pdf::PageInk ink_in(std::uint32_t page, const std::vector<RectMm>& zones);
  // The box of a page's ink inside `region` (page_ink.hpp).
  std::optional<RectMm> ink_extent(std::uint32_t page, const RectMm& region);
  // The words a 0-based page shows, at most `max_words` + 1
  // (page_words.hpp). Throws as ink_in.
  pdf::PageWords words(std::uint32_t page, std::size_t max_words);

  // Copies a 0-based page for an output file: the page dictionary's entries
  // without /Type /Parent /Contents /Annots /AA /B /StructParents /Thumb
  // /PieceInfo /Metadata and the bleed, trim and art boxes; inherited
  // /Resources and /Rotate written explicitly; /MediaBox set to the visible
  // box that geometry() gives (so no /CropBox); references renumbered
  // through numbering.map(file_index, source number), and every object
  // reached for the first time in this numbering serialised into
  // CopiedPage::objects (streams raw, with /Length set to their real size).
  // CopiedPage's box is that visible box. Throws std::out_of_range for a
  // page past the end, kuvert::Error(input) "has a damaged object N" for
  // objects that cannot be parsed.
  CopiedPage copy_page(std::uint32_t page, std::uint32_t file_index, ObjectNumbering& numbering);
  // The page as a form XObject (page_copier.hpp), for a logo.
  CopiedForm copy_page_as_form(std::uint32_t page, std::uint32_t file_index, ObjectNumbering& numbering);

 private:
  // `read(page dictionary)` with PoDoFo's errors as this file's; nothing
  // for a page object that is no dictionary.
  template <typename Read>
  auto with_page(std::uint32_t page, Read read) -> decltype(read(std::declval<const PoDoFo::PdfDictionary&>()));

  std::string name_;
  std::unique_ptr<pdf::PdfInput> input_;
  std::unique_ptr<pdf::PdfObjectReader> reader_;
  std::unique_ptr<pdf::PageList> pages_;
  pdf::FontMetricsCache fonts_;
};

}  // namespace kuvert

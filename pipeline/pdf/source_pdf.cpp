// PoDoFo's PdfMemDocument/PdfParser keep a placeholder per object (145 MB
// for a 50,000-page file), so the spool reader uses only PoDoFo's tokenizer,
// values and filters, and keeps its own index. PoDoFo signals problems with
// PdfError; the lower layers translate the ones they expect, and this facade
// turns any other into an input error about the file, so callers see
// kuvert::Error only.
#include "pipeline/pdf/source_pdf.hpp"

#include <podofo/base/PdfDictionary.h>
#include <podofo/base/PdfError.h>

#include <mutex>

#include "pipeline/model/error.hpp"
#include "pipeline/pdf/page_copier.hpp"
#include "pipeline/pdf/page_list.hpp"
#include "pipeline/pdf/pdf_input.hpp"
#include "pipeline/pdf/pdf_object_reader.hpp"
#include "pipeline/pdf/xref_index.hpp"

namespace kuvert {
namespace {

void quiet_podofo() {
  static std::once_flag once;
  std::call_once(once, [] {
    PoDoFo::PdfError::EnableDebug(false);
    PoDoFo::PdfError::EnableLogging(false);
  });
}

template <typename Work>
auto translating_podofo_errors(const std::string& file, Work&& work) {
  try {
    return work();
  } catch (const PoDoFo::PdfError& error) {
    Where where;
    where.file = file;
    if (error.GetError() == PoDoFo::ePdfError_InvalidDeviceOperation) {
      throw Error(ErrorKind::system, std::move(where), "cannot be read (input/output error)");
    }
    // PoDoFo has no text for some of its codes (a null pointer).
    const char* text = PoDoFo::PdfError::ErrorMessage(error.GetError());
    throw Error(ErrorKind::input, std::move(where),
                std::string("cannot be read as PDF: ") + (text ? text : "damaged data"));
  }
}

}  // namespace

SourcePdf::SourcePdf(const std::filesystem::path& path, std::string display_name) : name_(std::move(display_name)) {
  quiet_podofo();
  translating_podofo_errors(name_, [&] {
    input_ = std::make_unique<pdf::PdfInput>(path, name_);
    reader_ = std::make_unique<pdf::PdfObjectReader>(*input_, pdf::read_xref_index(*input_));
    pages_ = std::make_unique<pdf::PageList>(pdf::PageList::read(*reader_));
  });
}

SourcePdf::~SourcePdf() = default;

std::uint32_t SourcePdf::page_count() const { return pages_->size(); }

std::pair<std::uint64_t, std::uint64_t> SourcePdf::identity() const { return input_->identity(); }

PageGeometry SourcePdf::geometry(std::uint32_t page) const { return pages_->geometry(page); }

pdf::PageObstacle SourcePdf::obstacle(std::uint32_t page) const { return pages_->obstacle(page); }

template <typename Read>
auto SourcePdf::with_page(std::uint32_t page, Read read)
    -> decltype(read(std::declval<const PoDoFo::PdfDictionary&>())) {
  return translating_podofo_errors(name_, [&] {
    const pdf::IndirectObject object = reader_->load(pages_->object(page));
    using Result = decltype(read(std::declval<const PoDoFo::PdfDictionary&>()));
    return object.value.IsDictionary() ? read(object.value.GetDictionary()) : Result();
  });
}

pdf::PageInk SourcePdf::ink_in(std::uint32_t page, const std::vector<RectMm>& zones) {
  return with_page(page, [&](const PoDoFo::PdfDictionary& dict) {
    return pdf::page_ink(dict, pages_->inherited(page), pages_->geometry(page), zones, *reader_, fonts_);
  });
}

std::optional<RectMm> SourcePdf::ink_extent(std::uint32_t page, const RectMm& region) {
  return with_page(page, [&](const PoDoFo::PdfDictionary& dict) {
    return pdf::ink_extent(dict, pages_->inherited(page), pages_->geometry(page), region, *reader_, fonts_);
  });
}

pdf::PageWords SourcePdf::words(std::uint32_t page, std::size_t max_words) {
  return with_page(page, [&](const PoDoFo::PdfDictionary& dict) {
    return pdf::page_words(dict, pages_->inherited(page), pages_->geometry(page), *reader_, fonts_, max_words);
  });
}

CopiedPage SourcePdf::copy_page(std::uint32_t page, std::uint32_t file_index, ObjectNumbering& numbering) {
  return translating_podofo_errors(name_,
                                   [&] { return pdf::copy_page(*reader_, *pages_, page, file_index, numbering); });
}

CopiedForm SourcePdf::copy_page_as_form(std::uint32_t page, std::uint32_t file_index, ObjectNumbering& numbering) {
  return translating_podofo_errors(
      name_, [&] { return pdf::copy_page_as_form(*reader_, *pages_, page, file_index, numbering); });
}

}  // namespace kuvert

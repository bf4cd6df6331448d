#pragma once
// Copies one source page, and every object it needs that the output file
// does not have yet, into an output file's numbering. Streams are copied
// raw (still encoded), never decoded.
#include <cstdint>

#include "pipeline/pdf/pdf_object.hpp"

namespace kuvert::pdf {

class PdfObjectReader;
class PageList;

// Throws kuvert::Error(input) "has a damaged object N" for objects that
// cannot be parsed; references to missing objects are written as null.
CopiedPage copy_page(PdfObjectReader& reader, const PageList& pages, std::uint32_t page,
                     std::uint32_t file_index, ObjectNumbering& numbering);

// The page as a form XObject: its content streams decoded and joined into
// the form's one stream, its resources and what they name copied. Throws
// like copy_page; kuvert::Error(input) also for a content stream whose
// filter kuvert cannot decode.
CopiedForm copy_page_as_form(PdfObjectReader& reader, const PageList& pages, std::uint32_t page,
                             std::uint32_t file_index, ObjectNumbering& numbering);

}  // namespace kuvert::pdf

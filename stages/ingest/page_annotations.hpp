#pragma once
#include <podofo/base/PdfDictionary.h>

namespace kuvert::ingest {

class PdfObjectReader;

// Whether a page carries annotations that would print: form fields, stamps
// or free text with an appearance and the Print flag. Copied pages leave
// annotations out, so such a page would lose visible content (an amount in
// a form field); links and pop-up notes do not print and are ignored.
bool has_printing_annotations(const PoDoFo::PdfDictionary& page, PdfObjectReader& reader);

}  // namespace kuvert::ingest

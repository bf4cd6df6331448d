#include "stages/ingest/page_annotations.hpp"

#include <podofo/base/PdfArray.h>
#include <podofo/base/PdfObject.h>

#include "stages/ingest/pdf_object_reader.hpp"

namespace kuvert::ingest {
namespace {

constexpr PoDoFo::pdf_int64 kPrintFlag = 4;  // PDF 32000-1, 12.5.3

bool prints(const PoDoFo::PdfVariant& annotation) {
  if (!annotation.IsDictionary()) return false;
  const auto& dict = annotation.GetDictionary();
  const PoDoFo::PdfObject* subtype = dict.GetKey("Subtype");
  if (subtype && subtype->IsName() &&
      (subtype->GetName() == PoDoFo::PdfName("Link") || subtype->GetName() == PoDoFo::PdfName("Popup")))
    return false;
  const PoDoFo::PdfObject* flags = dict.GetKey("F");
  const bool print_flag = flags && flags->IsNumber() && (flags->GetNumber() & kPrintFlag) != 0;
  return print_flag && dict.HasKey("AP");
}

}  // namespace

bool has_printing_annotations(const PoDoFo::PdfDictionary& page, PdfObjectReader& reader) {
  const PoDoFo::PdfObject* entry = page.GetKey("Annots");
  if (!entry) return false;
  const PoDoFo::PdfVariant annotations = reader.resolve(*entry);
  if (!annotations.IsArray()) return false;
  for (const auto& item : annotations.GetArray())
    if (prints(item.IsReference() ? reader.resolve(item) : PoDoFo::PdfVariant(item))) return true;
  return false;
}

}  // namespace kuvert::ingest

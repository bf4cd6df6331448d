// Annotations are judged as viewers print them: the Print flag may be an
// integer, a real or an indirect object, and an annotation without an
// appearance stream still prints, since poppler and Acrobat draw one for
// it (free text, squares, stamps). Only links and pop-up notes never do.
#include "pipeline/pdf/page_obstacle.hpp"

#include <cmath>

#include <podofo/base/PdfArray.h>
#include <podofo/base/PdfObject.h>

#include "pipeline/pdf/page_geometry.hpp"
#include "pipeline/pdf/pdf_object_reader.hpp"

namespace kuvert::pdf {
namespace {

constexpr std::int64_t kHiddenFlag = 2;  // PDF 32000-1, 12.5.3
constexpr std::int64_t kPrintFlag = 4;

PoDoFo::PdfVariant entry(const PoDoFo::PdfDictionary& dict, const char* key, PdfObjectReader& reader) {
  const PoDoFo::PdfObject* value = dict.GetKey(key);
  return value ? reader.resolve(*value) : PoDoFo::PdfVariant();
}

bool prints(const PoDoFo::PdfVariant& annotation, PdfObjectReader& reader) {
  if (!annotation.IsDictionary()) return false;
  const auto& dict = annotation.GetDictionary();
  const PoDoFo::PdfVariant subtype = entry(dict, "Subtype", reader);
  if (subtype.IsName() &&
      (subtype.GetName() == PoDoFo::PdfName("Link") || subtype.GetName() == PoDoFo::PdfName("Popup")))
    return false;
  const auto flags = pdf_numeric(entry(dict, "F", reader));
  if (!flags || *flags < 0 || *flags > 0x7FFFFFFF) return false;
  const auto bits = static_cast<std::int64_t>(*flags);
  return (bits & kPrintFlag) != 0 && (bits & kHiddenFlag) == 0;
}

bool has_printing_annotations(const PoDoFo::PdfDictionary& page, PdfObjectReader& reader) {
  const PoDoFo::PdfVariant annotations = entry(page, "Annots", reader);
  if (!annotations.IsArray()) return false;
  for (const auto& item : annotations.GetArray())
    if (prints(reader.resolve(item), reader)) return true;
  return false;
}

// Whether the page's resources name optional content: marked-content
// properties (where /OC ... BDC finds its group) or form XObjects that
// belong to a group.
bool uses_optional_content(const PoDoFo::PdfDictionary& page, const InheritedAttributes& inherited,
                           PdfObjectReader& reader) {
  const PoDoFo::PdfObject* own = page.GetKey("Resources");
  const PoDoFo::PdfVariant resources = reader.resolve(own ? *own : inherited[kResources]);
  if (!resources.IsDictionary()) return false;
  const PoDoFo::PdfVariant properties = entry(resources.GetDictionary(), "Properties", reader);
  if (properties.IsDictionary() && !properties.GetDictionary().GetKeys().empty()) return true;
  const PoDoFo::PdfVariant xobjects = entry(resources.GetDictionary(), "XObject", reader);
  if (!xobjects.IsDictionary()) return false;
  for (const auto& [name, value] : xobjects.GetDictionary().GetKeys()) {
    const PoDoFo::PdfVariant xobject = reader.resolve(*value);
    if (xobject.IsDictionary() && xobject.GetDictionary().HasKey("OC")) return true;
  }
  return false;
}

}  // namespace

PageObstacle page_obstacle(const PoDoFo::PdfDictionary& page, const InheritedAttributes& inherited,
                           bool optional_content_in_file, PdfObjectReader& reader) {
  if (has_printing_annotations(page, reader)) return PageObstacle::printing_annotations;
  if (optional_content_in_file && uses_optional_content(page, inherited, reader)) return PageObstacle::optional_content;
  const auto unit = pdf_numeric(entry(page, "UserUnit", reader));
  if (unit && *unit != 1.0) return PageObstacle::user_unit;
  if (crop_box_misses_media(page, inherited, reader)) return PageObstacle::crop_outside_media;
  return PageObstacle::none;
}

std::string describe(PageObstacle obstacle) {
  switch (obstacle) {
    case PageObstacle::none:
      return "";
    case PageObstacle::printing_annotations:
      return "has form fields or stamps that would print (annotations), which kuvert does not copy; "
             "deliver the print file with them flattened";
    case PageObstacle::optional_content:
      return "uses optional content (layers), which viewers may hide but kuvert would print; "
             "deliver the print file with its layers flattened";
    case PageObstacle::user_unit:
      return "has a /UserUnit other than 1, so it is not A4 as printed; expected an A4 page in points";
    case PageObstacle::crop_outside_media:
      return "has a CropBox outside its MediaBox, so nothing of it would show";
  }
  return "";
}

}  // namespace kuvert::pdf

#pragma once
// Page boxes and rotation as a print file states them, own entries first,
// then inherited ones.
#include <optional>

#include <podofo/base/PdfDictionary.h>

#include "pipeline/pdf/inherited_attributes.hpp"

namespace kuvert {

// A page box in PDF user space (points unless the page sets /UserUnit) and
// /Rotate normalised to 0, 90, 180 or 270.
struct PageGeometry {
  double llx, lly, urx, ury;
  int rotate;
};

}  // namespace kuvert

namespace kuvert::pdf {

class PdfObjectReader;

enum class PageBox {
  media,    // the /MediaBox (US Letter when a file has none, as viewers do)
  visible,  // the /CropBox clipped to the media box, or the media box
};

// A PDF number (integer or finite real) as a double, else nothing.
std::optional<double> pdf_numeric(const PoDoFo::PdfVariant& value);

PageGeometry page_geometry(const PoDoFo::PdfDictionary& page, const InheritedAttributes& inherited,
                           PdfObjectReader& reader, PageBox box);

// Whether the page has a /CropBox that shares no area with its /MediaBox
// (page_geometry's visible box then falls back to the media box).
bool crop_box_misses_media(const PoDoFo::PdfDictionary& page, const InheritedAttributes& inherited,
                           PdfObjectReader& reader);

}  // namespace kuvert::pdf

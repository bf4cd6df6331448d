#pragma once
// What keeps a page of a print file from being imposed as a viewer prints
// it. Such a page is refused with the reason rather than printed otherwise
// than its sender saw it: an amount in a form field left out, a hidden
// layer printed, a page scaled by /UserUnit printed at half its size.
#include <cstdint>
#include <string>

#include <podofo/base/PdfDictionary.h>

#include "pipeline/pdf/inherited_attributes.hpp"

namespace kuvert::pdf {

class PdfObjectReader;

enum class PageObstacle : std::uint8_t {
  none,
  printing_annotations,  // form fields, stamps, free text that would print; copies leave annotations out
  optional_content,      // layers (the file has /OCProperties and the page uses them)
  user_unit,             // /UserUnit other than 1: not A4 as printed
  crop_outside_media,    // a /CropBox that shows nothing of the /MediaBox
};

// The first obstacle of a page; `optional_content_in_file` says whether the
// catalog has /OCProperties (without it, viewers show all content).
PageObstacle page_obstacle(const PoDoFo::PdfDictionary& page, const InheritedAttributes& inherited,
                           bool optional_content_in_file, PdfObjectReader& reader);

// The reason for a message about the page ("page 3 " + reason).
std::string describe(PageObstacle obstacle);

}  // namespace kuvert::pdf

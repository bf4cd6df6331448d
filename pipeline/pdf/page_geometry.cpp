#include "pipeline/pdf/page_geometry.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <optional>

#include <podofo/base/PdfArray.h>
#include <podofo/base/PdfObject.h>

#include "pipeline/pdf/pdf_object_reader.hpp"

namespace kuvert::pdf {
namespace {

using Rectangle = std::array<double, 4>;
constexpr Rectangle kLetter{0, 0, 612, 792};

// The page's own value of an inheritable key, else the inherited one.
PoDoFo::PdfVariant attribute(const PoDoFo::PdfDictionary& page, const InheritedAttributes& inherited,
                             std::size_t key, PdfObjectReader& reader) {
  const PoDoFo::PdfObject* own = page.GetKey(kInheritedKeys[key]);
  return reader.resolve(own ? *own : inherited[key]);
}

std::optional<Rectangle> rectangle(const PoDoFo::PdfVariant& value, PdfObjectReader& reader) {
  if (!value.IsArray() || value.GetArray().size() != 4) return std::nullopt;
  Rectangle corners{};
  for (std::size_t i = 0; i < 4; ++i) {
    const auto n = pdf_numeric(reader.resolve(value.GetArray()[i]));
    if (!n) return std::nullopt;
    corners[i] = *n;
  }
  // Any two opposite corners may be given; normalise to lower-left, upper-right.
  return Rectangle{std::min(corners[0], corners[2]), std::min(corners[1], corners[3]),
                   std::max(corners[0], corners[2]), std::max(corners[1], corners[3])};
}

int normalised_rotation(const PoDoFo::PdfVariant& value) {
  const auto degrees = pdf_numeric(value);
  if (!degrees) return 0;
  const long quarter_turns = std::lround(*degrees / 90.0);
  return static_cast<int>(((quarter_turns % 4) + 4) % 4) * 90;
}

Rectangle intersection(const Rectangle& a, const Rectangle& b) {
  return {std::max(a[0], b[0]), std::max(a[1], b[1]), std::min(a[2], b[2]), std::min(a[3], b[3])};
}

bool has_area(const Rectangle& r) { return r[0] < r[2] && r[1] < r[3]; }

}  // namespace

std::optional<double> pdf_numeric(const PoDoFo::PdfVariant& value) {
  if (value.IsNumber()) return static_cast<double>(value.GetNumber());
  if (value.IsReal() && std::isfinite(value.GetReal())) return value.GetReal();
  return std::nullopt;
}

PageGeometry page_geometry(const PoDoFo::PdfDictionary& page, const InheritedAttributes& inherited,
                           PdfObjectReader& reader, PageBox box) {
  Rectangle r = rectangle(attribute(page, inherited, kMediaBox, reader), reader).value_or(kLetter);
  if (box == PageBox::visible) {
    if (const auto crop = rectangle(attribute(page, inherited, kCropBox, reader), reader)) {
      if (has_area(intersection(r, *crop))) r = intersection(r, *crop);
    }
  }
  return {r[0], r[1], r[2], r[3], normalised_rotation(attribute(page, inherited, kRotate, reader))};
}

bool crop_box_misses_media(const PoDoFo::PdfDictionary& page, const InheritedAttributes& inherited,
                           PdfObjectReader& reader) {
  const auto crop = rectangle(attribute(page, inherited, kCropBox, reader), reader);
  if (!crop) return false;
  const Rectangle media = rectangle(attribute(page, inherited, kMediaBox, reader), reader).value_or(kLetter);
  return !has_area(intersection(media, *crop));
}

}  // namespace kuvert::pdf

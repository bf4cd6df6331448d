#pragma once
// A dictionary's entries as content interpretation reads them: references
// followed, what is missing or of the wrong type a null or empty value.
#include <podofo/base/PdfArray.h>
#include <podofo/base/PdfDictionary.h>

#include <string>
#include <vector>

#include "pipeline/pdf/page_geometry.hpp"
#include "pipeline/pdf/pdf_object_reader.hpp"

namespace kuvert::pdf {

inline PoDoFo::PdfVariant entry(PdfObjectReader& reader, const PoDoFo::PdfDictionary& dict, const char* key) {
  const PoDoFo::PdfObject* value = dict.GetKey(key);
  return value ? reader.resolve(*value) : PoDoFo::PdfVariant();
}

inline PoDoFo::PdfVariant entry(PdfObjectReader& reader, const PoDoFo::PdfVariant& dict, const char* key) {
  return dict.IsDictionary() ? entry(reader, dict.GetDictionary(), key) : PoDoFo::PdfVariant();
}

// The decoded data of the stream `value` refers to; "" for anything else.
inline std::string stream_of(PdfObjectReader& reader, const PoDoFo::PdfObject* value) {
  if (value == nullptr || !value->IsReference()) return "";
  const std::uint32_t number = value->GetReference().ObjectNumber();
  const IndirectObject object = reader.load(number);
  if (!object.stream_offset || !object.value.IsDictionary()) return "";
  return reader.decoded_stream(number, object.value.GetDictionary(), *object.stream_offset);
}

// An array's numbers (0 for an item that is none); empty for no array.
inline std::vector<double> numbers(PdfObjectReader& reader, const PoDoFo::PdfVariant& value) {
  std::vector<double> out;
  if (!value.IsArray()) return out;
  for (const auto& item : value.GetArray()) out.push_back(pdf_numeric(reader.resolve(item)).value_or(0));
  return out;
}

}  // namespace kuvert::pdf

// Numbers, names and containers are written here rather than with
// PdfVariant::Write: it cannot renumber references, and it prints reals with
// six decimals, which loses precision (font matrices use 0.0001 steps).
// Strings go through PoDoFo, which knows their escaping and hex form.
#include "pipeline/pdf/pdf_value_writer.hpp"

#include <charconv>
#include <cmath>

#include <podofo/base/PdfArray.h>
#include <podofo/base/PdfDictionary.h>
#include <podofo/base/PdfObject.h>
#include <podofo/base/PdfString.h>

namespace kuvert::pdf {
namespace {

void write_real(double value, std::string& out) {
  if (!std::isfinite(value)) value = 0;
  char buffer[400];  // fixed notation of the largest double has 309 digits
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
  out.append(buffer, result.ptr);
}

void write_string(const PoDoFo::PdfVariant& value, std::string& out) {
  std::string text;
  value.ToString(text, PoDoFo::ePdfWriteMode_Compact);
  out += text;
}

}  // namespace

void write_name(const PoDoFo::PdfName& name, std::string& out) {
  out += '/';
  out += name.GetEscapedName();
}

void write_value(const PoDoFo::PdfVariant& value, std::string& out, const ReferenceWriter& reference) {
  switch (value.GetDataType()) {
    case PoDoFo::ePdfDataType_Bool:
      out += value.GetBool() ? "true" : "false";
      break;
    case PoDoFo::ePdfDataType_Number:
      out += std::to_string(value.GetNumber());
      break;
    case PoDoFo::ePdfDataType_Real:
      write_real(value.GetReal(), out);
      break;
    case PoDoFo::ePdfDataType_String:
    case PoDoFo::ePdfDataType_HexString:
      write_string(value, out);
      break;
    case PoDoFo::ePdfDataType_Name:
      write_name(value.GetName(), out);
      break;
    case PoDoFo::ePdfDataType_Array: {
      out += '[';
      bool first = true;
      for (const auto& item : value.GetArray()) {
        if (!first) out += ' ';
        first = false;
        write_value(item, out, reference);
      }
      out += ']';
      break;
    }
    case PoDoFo::ePdfDataType_Dictionary: {
      out += "<<";
      bool first = true;
      for (const auto& [key, item] : value.GetDictionary().GetKeys()) {
        if (!first) out += ' ';
        first = false;
        write_name(key, out);
        out += ' ';
        write_value(*item, out, reference);
      }
      out += ">>";
      break;
    }
    case PoDoFo::ePdfDataType_Reference:
      reference(value.GetReference(), out);
      break;
    default:  // null, and types the parser does not produce
      out += "null";
      break;
  }
}

}  // namespace kuvert::pdf

#pragma once
// Serialises parsed PDF values back to PDF syntax, handing every reference
// to the caller (which renumbers it for the output file).
#include <functional>
#include <string>

#include <podofo/base/PdfName.h>
#include <podofo/base/PdfReference.h>
#include <podofo/base/PdfVariant.h>

namespace kuvert::pdf {

// Appends the replacement for a reference, e.g. "12 0 R" or "null".
using ReferenceWriter = std::function<void(const PoDoFo::PdfReference&, std::string& out)>;

void write_value(const PoDoFo::PdfVariant& value, std::string& out, const ReferenceWriter& reference);
void write_name(const PoDoFo::PdfName& name, std::string& out);

}  // namespace kuvert::pdf

#pragma once
// Decoding of the streams the reader itself must look into: cross-reference
// streams and object streams (Flate with PNG predictors in practice).
// Page content is never decoded; it is copied raw.
#include <string>

#include <podofo/base/PdfDictionary.h>

namespace kuvert::ingest {

// Applies the stream's /Filter chain with its /DecodeParms. Both must be
// direct objects (as writers put them on these streams). Throws
// PoDoFo::PdfError for unsupported filters and corrupt data.
std::string decode_stream(const PoDoFo::PdfDictionary& dict, std::string data);

}  // namespace kuvert::ingest

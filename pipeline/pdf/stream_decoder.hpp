#pragma once
// Decoding of the streams the reader itself must look into: cross-reference
// streams and object streams (Flate with PNG predictors in practice), and a
// logo page's content. Page content of print files is never decoded; it is
// copied raw.
#include <cstdint>
#include <string>

#include <podofo/base/PdfDictionary.h>

namespace kuvert::pdf {

class PdfInput;

// Applies the stream's /Filter chain with its /DecodeParms. Both must be
// direct objects (as writers put them on these streams). Throws
// PoDoFo::PdfError for unsupported filters and corrupt data, and
// kuvert::Error(input) naming object `number` of `input` when the data
// would decode past kMaxDecodedStream or kMaxDecodeRatio (pdf_limits.hpp);
// decoding stops there, so no more than the limit is ever held.
std::string decode_stream(const PoDoFo::PdfDictionary& dict, std::string data, const PdfInput& input,
                          std::uint32_t number);

}  // namespace kuvert::pdf

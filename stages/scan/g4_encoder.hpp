#pragma once
// CCITT Group 4 data of a bitonal page, for a PDF image with
// /CCITTFaxDecode (K -1, BlackIs1 false). Encoded by libtiff in memory:
// Leptonica's encoder writes each page image through a file of its own in
// /tmp, which a production child should neither need nor leave behind.
#include <string>

#include "stages/scan/pix.hpp"

namespace kuvert::scan {

// `page` must be 1 bit deep (1 = black, as Leptonica keeps it). Throws
// kuvert::Error (internal) when libtiff fails.
std::string g4_data(Pix* page);

}  // namespace kuvert::scan

#pragma once
// The barcode of a separator sheet, which a scan operator puts between the
// documents of a batch: read with zxing-cpp (Code 128, Code 39, QR,
// DataMatrix), anywhere on the page.
#include <optional>
#include <string>

#include "stages/scan/pix.hpp"

namespace kuvert::scan {

// The text of the first barcode found on an 8-bit grey page, if any.
std::optional<std::string> read_separator_code(Pix* page);

}  // namespace kuvert::scan

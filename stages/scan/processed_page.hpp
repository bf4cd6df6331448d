#pragma once
#include <optional>

#include "stages/scan/archive_page.hpp"
#include "stages/scan/scan_index.hpp"

namespace kuvert {

// One page as the parallel stage of the scan pipeline leaves it.
struct ProcessedPage {
  ScannedPageRecord record;
  bool separator = false;                    // a separator sheet: in no document
  bool dropped = false;                      // blank and left out
  std::optional<scan::ArchivePage> archive;  // for kept pages
};

}  // namespace kuvert

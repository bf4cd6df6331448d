#pragma once
// How a batch of scans is processed (layouts/scan/NAME.toml): languages,
// clean-up, separation into documents, index fields and output.
#include <cstdint>
#include <string>
#include <vector>

namespace kuvert {

enum class ScanSeparation { separator_sheet, blank_page, page_count };

struct ScanFieldRule {
  std::string name;
  std::string pattern;  // ECMAScript regular expression; its first group is the value
  bool iban = false;    // accepted only with a valid checksum
};

struct ScanProfile {
  std::string name;
  std::string languages = "deu+eng";
  bool deskew = true;
  bool orient = true;
  bool drop_blank_pages = true;
  double blank_ink_share = 0.0005;
  ScanSeparation separation = ScanSeparation::separator_sheet;
  std::string separator_prefix;          // a separator sheet's barcode starts so ("": any barcode)
  std::uint32_t pages_per_document = 1;  // for page_count
  std::vector<ScanFieldRule> fields;
  int jpeg_quality = 75;  // grey and colour pages in the archive PDF
  // The resolutions taken, as the files say them: below, OCR reads little
  // and an index claims what it did not read; above, pages only grow.
  int min_dpi = 200;
  int max_dpi = 600;
};

}  // namespace kuvert

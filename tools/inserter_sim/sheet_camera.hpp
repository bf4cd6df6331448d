#pragma once
// The inserter's reading head: each sheet of a run file rendered with
// poppler (only the region of its marks, on the side that carries them)
// and read as the machine's camera or OMR head would: a DataMatrix decoded
// with zxing-cpp, bars told from paper by their grey.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "pipeline/model/inserter_profile.hpp"
#include "tools/inserter_sim/sheet_code.hpp"

namespace poppler {
class document;
}

namespace kuvert::inserter_sim {

class SheetCamera {
 public:
  // `duplex` unknown: told from the page count when the control file gave
  // `control_sheets` (twice as many pages, or a banner sheet more: duplex)
  // and it tells, else from the marks
  // (on one of the first two pages only: duplex). Throws
  // kuvert::Error (input) when the file cannot be opened, or its pages are
  // not a whole number of sheets.
  SheetCamera(const std::filesystem::path& run_file, const InserterProfile& profile, std::optional<bool> duplex,
              std::size_t control_sheets);
  ~SheetCamera();

  std::size_t sheets() const { return sheets_; }
  bool duplex() const { return duplex_; }
  // Sheet `index` (0-based, print order).
  SheetCode read(std::size_t index) const;

 private:
  SheetCode read_page(int page_index) const;
  bool marked(int page_index) const;  // whether any mark shows on the page

  InserterProfile profile_;
  bool duplex_ = false;
  std::size_t sheets_ = 0;
  std::unique_ptr<poppler::document> document_;
};

// The DataMatrix in an 8-bit grey image, if one reads.
std::optional<std::string> read_datamatrix(const std::uint8_t* grey, int width, int height, int bytes_per_row);

}  // namespace kuvert::inserter_sim

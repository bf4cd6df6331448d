#include "stages/compose/table_row.hpp"

#include "pipeline/model/a4_sheet.hpp"

namespace kuvert::compose {

TableRow set_table_row(TextSetter& setter, FontIndex font, double size_pt, const std::vector<TableColumn>& columns,
                       const std::vector<std::string>& texts, double padding_mm) {
  TableRow row;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const double room = (columns[c].width_mm - 2 * padding_mm) * kPointsPerMm;
    row.cells.push_back(setter.lines(font, texts[c], size_pt, room));
    if (row.cells.back().size() > row.lines) {
      row.lines = row.cells.back().size();
      row.tallest = c;
    }
  }
  return row;
}

}  // namespace kuvert::compose

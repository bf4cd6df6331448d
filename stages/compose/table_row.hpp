#pragma once
// One row of a letter's table, set into lines: each cell's text wraps in
// its column as a body paragraph does (at spaces, after hyphens, a word
// wider than the column between characters), and the row is as high as its
// tallest cell. Every cell starts on the row's first line.
#include <string>
#include <vector>

#include "pipeline/model/letter_layout.hpp"
#include "stages/compose/text_setter.hpp"

namespace kuvert::compose {

struct TableRow {
  std::vector<std::vector<ShapedText>> cells;  // a column's lines; an empty cell has none
  std::size_t lines = 1;                       // the tallest cell's, at least one
  std::size_t tallest = 0;                     // the column of the tallest cell
};

// `texts` are the row's cells in column order; `padding_mm` is kept free on
// each side of a cell.
TableRow set_table_row(TextSetter& setter, FontIndex font, double size_pt, const std::vector<TableColumn>& columns,
                       const std::vector<std::string>& texts, double padding_mm);

}  // namespace kuvert::compose

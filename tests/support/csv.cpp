#include "tests/support/csv.hpp"

#include <sstream>
#include <stdexcept>

#include "pipeline/model/csv_rows.hpp"

namespace kuvert::test {

// Read with kuvert's own CSV reader (stages/ingest/csv_rows), so that what
// the tests read back is read as a data job's records are.
std::vector<std::map<std::string, std::string>> read_csv(const std::string& text) {
  std::istringstream in(text);
  CsvRowReader reader(in, skip_bom(in));
  std::vector<std::string> header;
  std::vector<std::map<std::string, std::string>> rows;
  for (CsvRow row; reader.next(row);) {
    if (!row.problem.empty())
      throw std::runtime_error("CSV row at byte " + std::to_string(row.offset) + ": " + row.problem);
    if (row.blank()) continue;
    if (header.empty()) {
      header = row.cells;
      continue;
    }
    auto& cells = rows.emplace_back();
    for (std::size_t c = 0; c < header.size() && c < row.cells.size(); ++c) cells[header[c]] = row.cells[c];
  }
  return rows;
}

}  // namespace kuvert::test

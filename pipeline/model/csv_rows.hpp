#pragma once
// The rows of a CSV file (RFC 4180), cell by cell, before anything is known
// of what the cells mean.
#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "pipeline/model/byte_reader.hpp"

namespace kuvert {

struct CsvRow {
  std::vector<std::string> cells;
  std::uint64_t offset = 0;  // where the row begins
  std::string problem;       // the quoting went wrong; the cells are not to be trusted
  bool quoted = false;       // a cell was quoted (so "" is a row, not a blank line)

  bool blank() const { return cells.size() == 1 && cells[0].empty() && !quoted; }
};

// Rows separated by "\n" or "\r\n", cells by commas; a quoted cell may hold
// commas, newlines and doubled quotes. A quote inside an unquoted cell is
// taken as it stands (that is unambiguous); text after a closing quote is not.
// A row past kMaxRecordBytes is read to its end without keeping more, and
// has a problem. Reads `in` as a ByteReader does (which see).
class CsvRowReader {
 public:
  // `in` is at byte `offset` of the file, where a row begins.
  CsvRowReader(std::istream& in, std::uint64_t offset) : bytes_(in, offset) {}

  // Where the next row begins.
  std::uint64_t offset() const { return bytes_.offset(); }

  // The next row; false at the end of input.
  bool next(CsvRow& row);

 private:
  bool read_quoted(CsvRow& row);
  void append(CsvRow& row, int c);
  bool full(CsvRow& row);

  ByteReader bytes_;
};

// Where the first row of the CSV file `in` begins: past a UTF-8 byte order
// mark, which is left there. Puts the read position of `in` there.
std::uint64_t skip_bom(std::istream& in);

}  // namespace kuvert

#include "pipeline/model/csv_rows.hpp"

#include <string_view>

namespace kuvert {
namespace {

constexpr int kEnd = ByteReader::kEnd;

std::string field_problem(const char* text, std::size_t field, const char* end = "") {
  std::string message = text;
  message += std::to_string(field);
  message += end;
  return message;
}

}  // namespace

bool CsvRowReader::next(CsvRow& row) {
  if (bytes_.peek() == kEnd) return false;
  row = CsvRow{{std::string()}, bytes_.offset()};
  bool closed = false;  // the current cell was quoted and its quote closed
  for (int c = bytes_.get(); c != kEnd && c != '\n'; c = bytes_.get()) {
    if (c == '\r' && bytes_.peek() == '\n') continue;
    if (c == ',') {
      if (!full(row)) row.cells.emplace_back();
      closed = false;
    } else if (closed) {
      if (row.problem.empty())
        row.problem = field_problem("has text after the closing quote of field ", row.cells.size());
    } else if (c == '"' && row.cells.back().empty()) {
      row.quoted = true;
      if (!read_quoted(row)) return true;
      closed = true;
    } else {
      append(row, c);
    }
  }
  return true;
}

// A quoted cell up to its closing quote; false when the input ends first.
bool CsvRowReader::read_quoted(CsvRow& row) {
  for (int c = bytes_.get(); c != kEnd; c = bytes_.get()) {
    if (c == '"' && bytes_.peek() != '"') return true;
    append(row, c == '"' ? bytes_.get() : c);
  }
  row.problem = field_problem("has a quote that is never closed (field ", row.cells.size(), ")");
  return false;
}

void CsvRowReader::append(CsvRow& row, int c) {
  if (!full(row)) row.cells.back() += static_cast<char>(c);
}

// Whether the row has grown past kMaxRecordBytes; then it is read to its
// end without keeping more.
bool CsvRowReader::full(CsvRow& row) {
  if (bytes_.offset() - row.offset <= kMaxRecordBytes) return false;
  if (row.problem.empty()) (row.problem = too_long_message()) += " (is a quote never closed?)";
  return true;
}

std::uint64_t skip_bom(std::istream& in) {
  char mark[3] = {};
  in.clear();
  in.seekg(0);
  in.read(mark, 3);
  const std::uint64_t start = in.gcount() == 3 && std::string_view(mark, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  in.clear();
  in.seekg(static_cast<std::streamoff>(start));
  return start;
}

}  // namespace kuvert

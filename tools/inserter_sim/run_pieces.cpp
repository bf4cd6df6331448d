#include "tools/inserter_sim/run_pieces.hpp"

#include <fstream>

#include "pipeline/model/csv_rows.hpp"
#include "pipeline/model/error.hpp"
#include "stages/deliver/control_files.hpp"
#include "tools/inserter_sim/sheet_code.hpp"

namespace kuvert::inserter_sim {
namespace {

constexpr std::size_t kPieceColumn = 0, kSheetsColumn = 2, kFeedersColumn = 3;

[[noreturn]] void refuse(const std::string& file, std::size_t line, const std::string& column,
                         const std::string& problem) {
  throw Error(ErrorKind::input, Where{.file = file, .record = "line " + std::to_string(line), .field = column},
              problem);
}

std::uint32_t number(const std::string& text, const std::string& file, std::size_t line, const char* column) {
  const auto value = count_from_1(text);
  if (!value) refuse(file, line, column, "\"" + text + "\" is not a count from 1");
  return *value;
}

// "1 2" in CSV, two digits a station in fixed width ("0102").
std::vector<int> stations(const std::string& text, bool fixed, const std::string& file, std::size_t line) {
  std::vector<int> result;
  std::string rest = text;
  while (!rest.empty() && rest.back() == ' ') rest.pop_back();
  std::size_t at = 0;
  while (at < rest.size()) {
    const std::size_t length = fixed ? 2 : std::min(rest.find(' ', at), rest.size()) - at;
    result.push_back(static_cast<int>(number(rest.substr(at, length), file, line, "feeders")));
    at += fixed ? 2 : length + 1;
  }
  return result;
}

RunPiece piece_of(const std::vector<std::string>& cells, bool fixed, const std::string& file, std::size_t line) {
  RunPiece piece;
  piece.id = cells[kPieceColumn];
  while (!piece.id.empty() && piece.id.back() == ' ') piece.id.pop_back();
  if (piece.id.empty()) refuse(file, line, "piece", "is empty");
  piece.sheets = number(cells[kSheetsColumn], file, line, "sheets");
  piece.feeder_stations = stations(cells[kFeedersColumn], fixed, file, line);
  return piece;
}

std::vector<RunPiece> read_csv(std::istream& in, const std::string& file) {
  std::vector<RunPiece> pieces;
  CsvRowReader rows(in, skip_bom(in));
  CsvRow row;
  for (std::size_t line = 1; rows.next(row); ++line) {
    if (!row.problem.empty()) refuse(file, line, "", row.problem);
    if (line == 1) {
      for (std::size_t i = 0; i < kPieceColumns.size(); ++i)
        if (row.cells.size() != kPieceColumns.size() || row.cells[i] != kPieceColumns[i].name)
          refuse(file, line, "", "is not the header of a pieces control file");
      continue;
    }
    if (row.cells.size() != kPieceColumns.size())
      refuse(file, line, "",
             "has " + std::to_string(row.cells.size()) + " cells, not " + std::to_string(kPieceColumns.size()));
    if (pieces.size() == kMaxRunPieces) refuse(file, line, "", "is beyond the limit of pieces in a run");
    pieces.push_back(piece_of(row.cells, false, file, line));
  }
  return pieces;
}

std::vector<RunPiece> read_fixed(std::istream& in, const std::string& file) {
  std::size_t width = 0;
  for (const auto& column : kPieceColumns) width += column.width;
  std::vector<RunPiece> pieces;
  std::string line_text;
  for (std::size_t line = 1; std::getline(in, line_text); ++line) {
    if (!line_text.empty() && line_text.back() == '\r') line_text.pop_back();
    if (line_text.size() != width)
      refuse(file, line, "",
             "is " + std::to_string(line_text.size()) + " characters long, not " + std::to_string(width));
    std::vector<std::string> cells;
    std::size_t at = 0;
    for (const auto& column : kPieceColumns) {
      cells.push_back(line_text.substr(at, column.width));
      at += column.width;
    }
    if (pieces.size() == kMaxRunPieces) refuse(file, line, "", "is beyond the limit of pieces in a run");
    pieces.push_back(piece_of(cells, true, file, line));
  }
  return pieces;
}

}  // namespace

std::vector<RunPiece> read_run_pieces(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  const std::string name = file.filename().string();
  if (!in) throw Error(ErrorKind::input, Where{.file = name}, "cannot be read");
  return file.extension() == ".csv" ? read_csv(in, name) : read_fixed(in, name);
}

}  // namespace kuvert::inserter_sim

#include "stages/deliver/control_files.hpp"

#include "pipeline/model/ascii_text.hpp"
#include "pipeline/model/error.hpp"
#include "stages/deliver/csv_text.hpp"

namespace kuvert {
namespace {

// The feeder stations to fire: "1 2" in CSV, two digits each in fixed
// width ("0102").
std::string feeders_field(const std::vector<int>& stations, ControlFormat format) {
  std::string text;
  for (const int station : stations) {
    if (format == ControlFormat::csv && !text.empty()) text += ' ';
    if (format == ControlFormat::fixed && station < 10) text += '0';
    text += std::to_string(station);
  }
  return text;
}

// Writes records in one of the two forms, field by field.
class ControlFileText {
 public:
  ControlFileText(std::string name, ControlFormat format) : name_(std::move(name)), format_(format) {}

  // One record: a value per column of `columns`, in their order.
  template <std::size_t N>
  void add(const std::string& piece, const std::array<ControlColumn, N>& columns,
           const std::array<std::string, N>& values) {
    if (format_ == ControlFormat::csv) {
      if (text_.empty()) {
        std::vector<std::string> header;
        for (const auto& column : columns) header.emplace_back(column.name);
        text_ += csv_row(header);
      }
      text_ += csv_row({values.begin(), values.end()});
      return;
    }
    for (std::size_t i = 0; i < N; ++i) {
      const auto& column = columns[i];
      const auto ascii = german_ascii(values[i]);
      if (!ascii || ascii->size() > column.width)
        throw Error(ErrorKind::input, Where{.document = piece, .file = name_, .field = column.name},
                    "\"" + values[i] + "\" does not fit the fixed-width column of " + std::to_string(column.width) +
                        " ASCII characters");
      const std::string pad(column.width - ascii->size(), column.number ? '0' : ' ');
      text_ += column.number ? pad + *ascii : *ascii + pad;
    }
    text_ += "\r\n";
  }

  ControlFile finish() && { return {std::move(name_), std::move(text_)}; }

 private:
  std::string name_;
  ControlFormat format_;
  std::string text_;
};

std::string file_name(const PrintRun& run, const char* what, ControlFormat format) {
  return run.id + "." + what + (format == ControlFormat::csv ? ".csv" : ".txt");
}

}  // namespace

std::string sheets_with_banner(const std::string& bytes, ControlFormat format, const std::string& banner_id) {
  ControlFileText banner("banner", format);
  banner.add(banner_id, kSheetColumns, {banner_id, "1", "1", "", "Y"});
  std::string text = std::move(banner).finish().bytes;
  // CSV: the record just written came with the header the file begins with.
  const auto header_end = bytes.find('\n');
  return text +
         (format == ControlFormat::csv && header_end != std::string::npos ? bytes.substr(header_end + 1) : bytes);
}

std::vector<ControlFile> control_files(const PrintRun& run, const RunContents& contents,
                                       const InserterProfile& inserter, const std::string& job_key) {
  std::vector<ControlFile> files;
  if (run.settings.manual) return files;
  const auto& wanted = inserter.control_files;
  if (const auto format = wanted.pieces) {
    ControlFileText pieces(file_name(run, "pieces", *format), *format);
    for (const auto& piece : contents.pieces) {
      const std::string id = coded_piece_id(job_key, run.id, piece.id);
      pieces.add(id, kPieceColumns,
                 {id, std::to_string(piece.sequence), std::to_string(piece.sheet_count),
                  feeders_field(inserter.stations(piece.inserts), *format), piece.envelope, piece.product,
                  piece.manual ? "Y" : "N"});
    }
    files.push_back(std::move(pieces).finish());
  }
  if (const auto format = wanted.sheets) {
    ControlFileText sheets(file_name(run, "sheets", *format), *format);
    for (const auto& piece : contents.pieces) {
      const std::string id = coded_piece_id(job_key, run.id, piece.id);
      const std::string feeders = feeders_field(inserter.stations(piece.inserts), *format);
      for (std::size_t sheet = 1; sheet <= piece.sheet_count; ++sheet)
        sheets.add(id, kSheetColumns,
                   {id, std::to_string(sheet), std::to_string(piece.sheet_count),
                    sheet == piece.sheet_count ? feeders : "", piece.manual ? "Y" : "N"});
    }
    files.push_back(std::move(sheets).finish());
  }
  return files;
}

}  // namespace kuvert

#include "stages/deliver/control_files.hpp"

#include "pipeline/model/ascii_text.hpp"
#include "pipeline/model/error.hpp"
#include "stages/deliver/csv_text.hpp"

namespace kuvert {
namespace {

// One field of a record: its column's name, width in the fixed-width form,
// whether it is a number (zero-padded there) and its value.
struct Field {
  const char* column;
  std::size_t width;
  bool number;
  std::string value;
};

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

  void add(const std::string& piece, const std::vector<Field>& fields) {
    if (format_ == ControlFormat::csv) {
      std::vector<std::string> values;
      if (text_.empty()) {
        for (const auto& field : fields) values.emplace_back(field.column);
        text_ += csv_row(values);
        values.clear();
      }
      for (const auto& field : fields) values.push_back(field.value);
      text_ += csv_row(values);
      return;
    }
    for (const auto& field : fields) {
      const auto ascii = german_ascii(field.value);
      if (!ascii || ascii->size() > field.width)
        throw Error(ErrorKind::input, Where{.document = piece, .file = name_, .field = field.column},
                    "\"" + field.value + "\" does not fit the fixed-width column of " + std::to_string(field.width) +
                        " ASCII characters");
      const std::string pad(field.width - ascii->size(), field.number ? '0' : ' ');
      text_ += field.number ? pad + *ascii : *ascii + pad;
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

std::vector<ControlFile> control_files(const PrintRun& run, const RunContents& contents,
                                       const InserterProfile& inserter, const std::string& job_key) {
  std::vector<ControlFile> files;
  if (run.settings.manual) return files;
  const auto& wanted = inserter.control_files;
  if (const auto format = wanted.pieces) {
    ControlFileText pieces(file_name(run, "pieces", *format), *format);
    for (const auto& piece : contents.pieces) {
      const std::string id = coded_piece_id(job_key, run.id, piece.id);
      pieces.add(id, {{"piece", 32, false, id},
                      {"sequence", 6, true, std::to_string(piece.sequence)},
                      {"sheets", 3, true, std::to_string(piece.sheet_count)},
                      {"feeders", 24, false, feeders_field(inserter.stations(piece.inserts), *format)},
                      {"envelope", kControlEnvelopeColumn, false, piece.envelope},
                      {"product", kControlProductColumn, false, piece.product},
                      {"manual", 1, false, piece.manual ? "Y" : "N"}});
    }
    files.push_back(std::move(pieces).finish());
  }
  if (const auto format = wanted.sheets) {
    ControlFileText sheets(file_name(run, "sheets", *format), *format);
    for (const auto& piece : contents.pieces) {
      const std::string id = coded_piece_id(job_key, run.id, piece.id);
      const std::string feeders = feeders_field(inserter.stations(piece.inserts), *format);
      for (std::size_t sheet = 1; sheet <= piece.sheet_count; ++sheet)
        sheets.add(id, {{"piece", 32, false, id},
                        {"sheet", 3, true, std::to_string(sheet)},
                        {"of", 3, true, std::to_string(piece.sheet_count)},
                        {"feeders", 24, false, sheet == piece.sheet_count ? feeders : ""},
                        {"divert", 1, false, piece.manual ? "Y" : "N"}});
    }
    files.push_back(std::move(sheets).finish());
  }
  return files;
}

}  // namespace kuvert

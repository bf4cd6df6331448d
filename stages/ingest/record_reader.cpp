// Every problem of every record is reported at once, so a specialist
// application can correct a delivery in one round trip (as for the manifest).
//
// The reader pulls: next() reads on to the next line or row that holds a
// record and stops there, so a pipeline's input stage takes records as it
// needs them, and read_records is only a loop over it. An id used twice is
// found with an index of hashes (IdIndex) and confirmed by reading the
// earlier record again through a second stream, which leaves the position
// of the first where next() stopped.
#include "stages/ingest/record_reader.hpp"

#include <system_error>

#include "stages/ingest/jsonl_records.hpp"

namespace kuvert {

RecordReader::RecordReader(const std::filesystem::path& path, const Where& where, const RecordSchema& schema,
                           std::vector<Diagnostic>& problems)
    : format_(record_format(path, where)),
      where_(where),
      schema_(schema),
      problems_(problems),
      ids_([this](std::uint64_t offset) {
        std::vector<Diagnostic> ignored;
        if (!earlier_) earlier_.emplace(again_, format_, where_, schema_);
        const auto entry = earlier_->at(offset, ignored);
        return entry ? entry->id : std::string();
      }) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) throw_input(where, "not found");
  if (std::filesystem::is_directory(path, error)) throw_input(where, "is a folder, not a file");
  in_.open(path, std::ios::binary);
  again_.open(path, std::ios::binary);
  if (!in_ || !again_) throw_input(where, "cannot be opened");
  if (format_ == RecordFormat::json_lines)
    lines_.emplace(in_, 0);
  else
    rows_.emplace(in_, skip_bom(in_));
}

std::optional<RecordEntry> RecordReader::next() {
  if (finished_) return std::nullopt;
  auto entry = format_ == RecordFormat::json_lines ? next_line() : next_row();
  if (!entry) {
    finished_ = true;
    if (records_ == 0) problems_.push_back({where_, "holds no records"});
    return std::nullopt;
  }
  ++records_;
  check_id(*entry);
  return entry;
}

std::optional<RecordEntry> RecordReader::next_line() {
  bool too_long = false;
  for (auto offset = lines_->offset(); lines_->line(line_, too_long); offset = lines_->offset()) {
    ++number_;
    if (blank_line(line_) && !too_long) continue;
    RecordEntry entry;
    entry.offset = offset;
    entry.place = record_place(RecordFormat::json_lines, number_);
    read_json_line(line_, too_long, entry, schema_, where_, problems_);
    return entry;
  }
  return std::nullopt;
}

std::optional<RecordEntry> RecordReader::next_row() {
  if (!columns_) {
    if (!rows_->next(row_)) return std::nullopt;
    number_ = 1;
    columns_ = read_csv_header(row_, schema_, where_, problems_);
  }
  while (rows_->next(row_)) {
    ++number_;
    if (row_.blank()) continue;
    Where at = where_;
    at.record = record_place(RecordFormat::csv, number_);
    return read_csv_record(row_, *columns_, schema_, at, problems_);
  }
  return std::nullopt;
}

void RecordReader::check_id(RecordEntry& entry) {
  if (entry.id.empty()) return;
  const auto earlier = ids_.earlier(entry.id, entry.offset, number_);
  if (!earlier) return;
  Where at = where_;
  at.document = entry.id;
  at.record = entry.place;
  at.field = "id";
  std::string message = "is used by an earlier record too (";
  (message += record_place(format_, *earlier)) += "); record ids must be unique";
  problems_.push_back({std::move(at), std::move(message)});
  entry.valid = false;
}

void read_records(const std::filesystem::path& path, const Where& where, const RecordSchema& schema,
                  std::vector<Diagnostic>& problems, const std::function<void(RecordEntry&&)>& each) {
  RecordReader reader(path, where, schema, problems);
  while (auto entry = reader.next()) each(std::move(*entry));
}

RecordLookup::RecordLookup(std::istream& in, RecordFormat format, Where where, const RecordSchema& schema)
    : in_(in), format_(format), where_(std::move(where)), schema_(schema) {
  if (format_ != RecordFormat::csv) return;
  in_.clear();
  in_.seekg(0);
  CsvRowReader header_reader(in_, skip_bom(in_));
  CsvRow row;
  std::vector<Diagnostic> header_problems;  // reported by RecordReader already
  if (!header_reader.next(row)) return;
  columns_ = read_csv_header(row, schema_, where_, header_problems);
  first_row_ = header_reader.offset();
}

std::optional<RecordEntry> RecordLookup::at(std::uint64_t offset, std::vector<Diagnostic>& problems) {
  Where at = where_;
  if (at.record.empty()) (at.record = "byte ") += std::to_string(offset);
  in_.clear();
  if (format_ == RecordFormat::json_lines) {
    if (!in_.seekg(static_cast<std::streamoff>(offset))) return std::nullopt;
    ByteReader bytes(in_, offset);
    std::string line;
    bool too_long = false;
    if (!bytes.line(line, too_long) || (blank_line(line) && !too_long)) return std::nullopt;
    RecordEntry entry;
    entry.offset = offset;
    entry.place = at.record;
    read_json_line(line, too_long, entry, schema_, at, problems);
    return entry;
  }
  if (!columns_ || offset < first_row_) return std::nullopt;
  if (!in_.seekg(static_cast<std::streamoff>(offset))) return std::nullopt;
  CsvRowReader reader(in_, offset);
  CsvRow row;
  if (!reader.next(row) || row.blank()) return std::nullopt;
  return read_csv_record(row, *columns_, schema_, at, problems);
}

std::optional<RecordEntry> read_record_at(std::istream& in, RecordFormat format, const Where& where,
                                          const RecordSchema& schema, std::uint64_t offset,
                                          std::vector<Diagnostic>& problems) {
  return RecordLookup(in, format, where, schema).at(offset, problems);
}

}  // namespace kuvert

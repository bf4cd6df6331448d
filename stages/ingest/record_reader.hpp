#pragma once
// The records file of a data job (DESIGN.md: a manifest's "layout" plus
// "records"), one document per record, as JSON Lines (*.jsonl: one object per
// line) or CSV (*.csv: RFC 4180, a header row naming the fields), each record
// checked against the fields its layout expects.
//
// Problems are appended to a caller's `problems`: where.file and where.job
// are taken from the `where` given (where.file is the name to show for the
// file); a record's problems add .record (its place), .document (its id, when
// usable) and .field (a path such as "items[2].amount" or
// "recipient.postcode"). Problems of the file as a whole (empty, a CSV header
// that does not fit the schema) have no .record or "row 1".
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/model/byte_reader.hpp"
#include "pipeline/model/csv_rows.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/model/record_schema.hpp"
#include "stages/ingest/csv_records.hpp"
#include "stages/ingest/id_index.hpp"
#include "stages/ingest/record_entry.hpp"
#include "stages/ingest/record_format.hpp"

namespace kuvert {

// Reads records of one file again by where they begin (as RecordReader
// found them: same fields, id, recipient and validity), checked the same way
// except for ids used twice, which need the whole file. For CSV the header
// is read once, from the start of `in`, when the lookup is made. Moves the
// read position of `in`, which only one thread may use at a time; `in` and
// `schema` must outlive the lookup.
class RecordLookup {
 public:
  RecordLookup(std::istream& in, RecordFormat format, Where where, const RecordSchema& schema);

  // The record whose line or row begins at `offset`, its problems appended
  // to `problems`; nothing when no record begins there (end of file, a blank
  // line, the CSV header). Its place is where.record when given (the caller
  // may know it), else "byte N".
  std::optional<RecordEntry> at(std::uint64_t offset, std::vector<Diagnostic>& problems);

 private:
  std::istream& in_;
  RecordFormat format_;
  Where where_;
  const RecordSchema& schema_;
  std::optional<CsvColumns> columns_;  // of a CSV file with a header
  std::uint64_t first_row_ = 0;        // where a CSV file's records begin
};

// Reads a records file in one streaming pass, one record at a time, for a
// caller that pulls (the serial input stage of a pipeline). One line or row
// is in memory at a time; what grows with the file is an index of id hashes,
// about 50 bytes per record, to find ids used twice.
//
// Copies `where` and `schema`; `problems` must outlive the reader. Not to be
// used by two threads at once (calls from different threads in turn are
// fine). Neither copied nor moved: it reads through its own file streams.
class RecordReader {
 public:
  // Opens `path`. Throws Error (input) with `where` when the file is not
  // there or cannot be opened, or its name is neither *.jsonl nor *.csv.
  RecordReader(const std::filesystem::path& path, const Where& where, const RecordSchema& schema,
               std::vector<Diagnostic>& problems);
  RecordReader(const RecordReader&) = delete;
  RecordReader& operator=(const RecordReader&) = delete;

  // The next record in file order, valid or not (its problems appended to
  // `problems`; an id used by an earlier record makes it invalid), or
  // nothing after the last. The first time nothing comes, the problems of
  // the file as a whole are appended (an empty file, or a CSV header alone:
  // "holds no records"); a CSV header's problems come with the first call.
  std::optional<RecordEntry> next();

  RecordFormat format() const { return format_; }

 private:
  std::optional<RecordEntry> next_line();
  std::optional<RecordEntry> next_row();
  void check_id(RecordEntry& entry);

  RecordFormat format_;
  Where where_;
  RecordSchema schema_;
  std::vector<Diagnostic>& problems_;
  std::ifstream in_;
  std::ifstream again_;                  // to read the ids of earlier records
  std::optional<RecordLookup> earlier_;  // through again_, made when first needed
  std::optional<ByteReader> lines_;      // of a JSON Lines file
  std::optional<CsvRowReader> rows_;     // of a CSV file
  std::optional<CsvColumns> columns_;    // of a CSV file, once its header is read
  std::string line_;                     // the last line read, its buffer kept
  CsvRow row_;                           // the last row read, its buffers kept
  IdIndex ids_;
  std::uint64_t number_ = 0;   // of the last line or row read (from 1)
  std::uint64_t records_ = 0;  // handed out so far
  bool finished_ = false;
};

// Reads the whole records file at `path` with a RecordReader, calling `each`
// for every record in file order, valid or not. Throws as RecordReader does.
void read_records(const std::filesystem::path& path, const Where& where, const RecordSchema& schema,
                  std::vector<Diagnostic>& problems, const std::function<void(RecordEntry&&)>& each);

// One record read again, as RecordLookup(in, format, where, schema).at(offset).
std::optional<RecordEntry> read_record_at(std::istream& in, RecordFormat format, const Where& where,
                                          const RecordSchema& schema, std::uint64_t offset,
                                          std::vector<Diagnostic>& problems);

}  // namespace kuvert

#pragma once
// The records of a CSV file: its header row says which column holds which
// field (an address in the columns "recipient.name", "recipient.street" ...),
// and each further row is turned into the object a JSON Lines line would hold
// and checked as that would be. What the header states once (which fields
// the file has, list fields it cannot hold) is checked once, at the header.
#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "pipeline/model/csv_rows.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/model/record_schema.hpp"
#include "stages/ingest/record_entry.hpp"

namespace kuvert {

// Which field (and for an address, which part of it) a column holds.
struct CsvColumn {
  const FieldSpec* spec = nullptr;  // none: not a field (reported at the header)
  std::string part;                 // "name", "street" ... of an address column "recipient.name"
};

// What the header row says. Points into the schema it was read with, which
// must outlive it.
struct CsvColumns {
  std::vector<std::string> names;
  std::vector<CsvColumn> columns;
  std::set<std::string> incomplete;  // addresses lacking a column, not to be checked in every row
  std::size_t id = std::string::npos;
  bool usable = false;  // the header fits the schema; otherwise every row is invalid
};

// Reads the header row (row 1) against `schema`, appending its problems to
// `problems` with `where` plus record "row 1" and the column's field.
CsvColumns read_csv_header(const CsvRow& header, const RecordSchema& schema, Where where,
                           std::vector<Diagnostic>& problems);

// The record of a row after the header; `where.record` is its place. Its
// problems are appended to `problems` with `where` plus its id as document
// (when usable) and the field (the column's name). Invalid whenever the
// header was not usable.
RecordEntry read_csv_record(const CsvRow& row, const CsvColumns& columns, const RecordSchema& schema, Where where,
                            std::vector<Diagnostic>& problems);

}  // namespace kuvert

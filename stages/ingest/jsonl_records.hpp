#pragma once
// A record of a JSON Lines file: one JSON object on one line.
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/model/error.hpp"
#include "pipeline/model/record_schema.hpp"
#include "stages/ingest/record_entry.hpp"

namespace kuvert {

// Whether a line holds no record (only spaces, tabs and returns).
bool blank_line(std::string_view line);

// Reads and checks the record on `line` (as ByteReader::line gives it, with
// `too_long`) into `entry`, which has its offset and place. Problems are
// appended to `problems` with `where` plus the record's place, its id as
// document when usable, and the field; settles the entry (settle_record).
void read_json_line(const std::string& line, bool too_long, RecordEntry& entry, const RecordSchema& schema, Where where,
                    std::vector<Diagnostic>& problems);

}  // namespace kuvert

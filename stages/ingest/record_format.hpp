#pragma once
// The two formats of a records file: JSON Lines (*.jsonl: one object per
// line) and CSV (*.csv: RFC 4180, a header row naming the fields).
#include <cstdint>
#include <filesystem>
#include <string>

#include "pipeline/model/error.hpp"

namespace kuvert {

enum class RecordFormat { json_lines, csv };

// The format the file name gives (".jsonl" or ".csv", in any case). Throws
// Error (input) with `where` for any other name.
RecordFormat record_format(const std::filesystem::path& path, const Where& where);

// The place of the record on line or row `number` (from 1): "line 17" for
// JSON Lines, "row 5" for CSV (the header is row 1).
std::string record_place(RecordFormat format, std::uint64_t number);

}  // namespace kuvert

#include "stages/ingest/record_format.hpp"

#include <algorithm>
#include <cctype>

namespace kuvert {

RecordFormat record_format(const std::filesystem::path& path, const Where& where) {
  auto extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (extension == ".jsonl") return RecordFormat::json_lines;
  if (extension == ".csv") return RecordFormat::csv;
  throw_input(where, "is neither JSON Lines (*.jsonl) nor CSV (*.csv)");
}

std::string record_place(RecordFormat format, std::uint64_t number) {
  std::string place = format == RecordFormat::json_lines ? "line " : "row ";
  return place += std::to_string(number);
}

}  // namespace kuvert

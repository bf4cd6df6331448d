#include "stages/ingest/jsonl_records.hpp"

#include <optional>

#include "pipeline/model/byte_reader.hpp"
#include "pipeline/model/plain_text.hpp"
#include "pipeline/model/utf8.hpp"
#include "stages/ingest/record_values.hpp"
#include "stages/ingest/strict_json.hpp"

namespace kuvert {
namespace {

using nlohmann::json;

// An id that may label the record's problems (one with control characters
// is itself a problem, reported on the field).
std::string usable_id(const json& fields) {
  const auto id = fields.find("id");
  if (id == fields.end() || !id->is_string() || plain_text_problem(id->get_ref<const std::string&>())) return "";
  return id->get<std::string>();
}

// The object on a line of JSON Lines, or nothing once the reason is recorded.
std::optional<json> parse_line(const std::string& line, bool too_long, const Where& where,
                               std::vector<Diagnostic>& problems) {
  if (too_long) {
    problems.push_back({where, too_long_message()});
    return std::nullopt;
  }
  if (const auto bad = invalid_utf8_at(line); bad != std::string_view::npos) {
    problems.push_back({where, not_utf8(line, bad, "column")});
    return std::nullopt;
  }
  json value;
  try {
    value = parse_strict_json(line);
  } catch (const JsonRefused& refused) {
    problems.push_back({where, refused.message("column")});
    return std::nullopt;
  }
  if (value.is_object()) return value;
  problems.push_back({where, std::string("expected a JSON object, got ") + value.type_name()});
  return std::nullopt;
}

}  // namespace

bool blank_line(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

void read_json_line(const std::string& line, bool too_long, RecordEntry& entry, const RecordSchema& schema, Where where,
                    std::vector<Diagnostic>& problems) {
  const auto before = problems.size();
  where.record = entry.place;
  if (auto object = parse_line(line, too_long, where, problems)) {
    entry.fields = std::move(*object);
    entry.id = usable_id(entry.fields);
    where.document = entry.id;
    check_fields(schema.fields, entry.fields, where, problems);
  }
  settle_record(entry, before, problems);
}

}  // namespace kuvert

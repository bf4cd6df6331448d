// A header that does not fit the schema leaves every row invalid, but each
// row is still checked, so that one delivery shows every problem at once;
// problems of the header itself are reported once, not in every row.
#include "stages/ingest/csv_records.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <variant>

#include "pipeline/model/plain_text.hpp"
#include "pipeline/model/utf8.hpp"
#include "stages/ingest/record_format.hpp"
#include "stages/ingest/record_values.hpp"

namespace kuvert {
namespace {

using nlohmann::json;
constexpr auto npos = std::string_view::npos;

constexpr std::array<const char*, 5> kRecipientParts = {"name", "street", "postcode", "city", "country"};

bool has_column(const CsvColumns& columns, const FieldSpec& spec, const std::string& part) {
  return std::any_of(columns.columns.begin(), columns.columns.end(),
                     [&](const CsvColumn& column) { return column.spec == &spec && column.part == part; });
}

// The column a header name gives, or the problem with it.
std::variant<CsvColumn, std::string> column_for(const std::string& name, const RecordSchema& schema) {
  if (const auto* spec = schema.find(name)) {
    if (spec->type == FieldType::list) return CsvColumn{};  // reported for the schema
    if (spec->type != FieldType::recipient) return CsvColumn{spec, ""};
    std::string message = "is an address, which CSV gives in the columns ";
    for (const char* part : kRecipientParts) ((message += '"') += name + '.' + part) += "\", ";
    message.resize(message.size() - 2);
    return message += " (the last may be left out: DE)";
  }
  const auto dot = name.find('.');
  const auto* spec = dot == npos ? nullptr : schema.find(name.substr(0, dot));
  const auto part = dot == npos ? "" : name.substr(dot + 1);
  if (spec && spec->type == FieldType::recipient &&
      std::find(kRecipientParts.begin(), kRecipientParts.end(), part) != kRecipientParts.end())
    return CsvColumn{spec, part};
  return std::string("is not a known field");
}

// Fields of the schema the header lacks, and list fields, which CSV cannot hold.
void check_schema_columns(CsvColumns& columns, const RecordSchema& schema, const Where& where,
                          std::vector<Diagnostic>& problems) {
  for (const auto& spec : schema.fields) {
    if (spec.type == FieldType::list) {
      add(problems, field_at(where, spec.name),
          "is a list, which CSV cannot hold; deliver this layout's records as JSON Lines");
    } else if (spec.optional) {
      continue;
    } else if (spec.type != FieldType::recipient) {
      if (!has_column(columns, spec, ""))
        add(problems, field_at(where, spec.name), "is missing: the header has no such column");
    } else {
      for (const char* part : kRecipientParts)
        if (std::string_view(part) != "country" && !has_column(columns, spec, part)) {
          add(problems, field_at(where, spec.name + '.' + part), "is missing: the header has no such column");
          columns.incomplete.insert(spec.name);
        }
    }
  }
}

// "column 3": the k-th column (from 0), for messages about one without a usable name.
std::string column_name(std::size_t k) {
  std::string name = "column ";
  return name += std::to_string(k + 1);
}

// Whether a cell is a number as spreadsheets and exports write one: an
// optional minus, digits, and a point with digits; no exponent ("1e2" is
// a spreadsheet's way of hiding what the amount was), no spaces.
bool plain_decimal(const std::string& cell) {
  std::size_t at = cell.starts_with('-') ? 1 : 0;
  const auto digits = [&] {
    const std::size_t begin = at;
    while (at < cell.size() && cell[at] >= '0' && cell[at] <= '9') ++at;
    return at > begin;
  };
  if (!digits()) return false;
  if (at < cell.size() && cell[at] == '.') {
    ++at;
    if (!digits()) return false;
  }
  return at == cell.size();
}

// The value a cell gives a field: a number for the number types when it is
// written as one (else the text, which the type check reports as it came).
json cell_value(FieldType type, const std::string& cell) {
  const bool numeric = type == FieldType::integer || type == FieldType::number || type == FieldType::money;
  if (!numeric || !plain_decimal(cell)) return cell;
  const json number = json::parse(cell, nullptr, false);
  return number.is_number() ? number : json(cell);
}

// Name lines, one per line of the cell (a blank line stays, for the address
// check to refuse).
json name_lines(const std::string& cell) {
  json lines = json::array();
  for (std::size_t begin = 0; !cell.empty();) {
    const auto end = cell.find('\n', begin);
    auto line = cell.substr(begin, end == npos ? npos : end - begin);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    if (end == npos) break;
    begin = end + 1;
  }
  return lines;
}

// The cells of a row as the fields of a JSON Lines record; an empty cell is
// an absent field (a problem for a required one), except in an address,
// where "is empty" is the address check's to say. An address with a cell
// that is not UTF-8 is added to `unchecked`: its other checks would only
// repeat that the cell is missing.
void convert_row(const CsvRow& row, const CsvColumns& columns, json& fields, const Where& where,
                 std::vector<Diagnostic>& problems, std::set<std::string>& unchecked) {
  for (std::size_t k = 0; k < row.cells.size(); ++k) {
    const auto& [spec, part] = columns.columns[k];
    const auto& cell = row.cells[k];
    if (!spec) continue;
    if (const auto bad = invalid_utf8_at(cell); bad != npos) {
      add(problems, field_at(where, columns.names[k]), not_utf8(cell, bad, "position"));
      unchecked.insert(spec->name);
    } else if (spec->type == FieldType::recipient) {
      if (part == "name")
        fields[spec->name][part] = name_lines(cell);
      else if (part != "country" || !cell.empty())
        fields[spec->name][part] = cell;
    } else if (!cell.empty()) {
      fields[spec->name] = cell_value(spec->type, cell);
    } else if (!spec->optional) {
      add(problems, field_at(where, columns.names[k]), "is empty");
    }
  }
}

// An optional address whose cells are all empty is absent.
void drop_empty_addresses(json& fields, const RecordSchema& schema) {
  for (const auto& spec : schema.fields) {
    const auto address = fields.find(spec.name);
    if (!spec.optional || spec.type != FieldType::recipient || address == fields.end()) continue;
    const bool empty = std::all_of(address->begin(), address->end(), [](const json& part) {
      return part.is_string() ? part.get_ref<const std::string&>().empty() : part.empty();
    });
    if (empty) fields.erase(address);
  }
}

}  // namespace

CsvColumns read_csv_header(const CsvRow& header, const RecordSchema& schema, Where where,
                           std::vector<Diagnostic>& problems) {
  const auto before = problems.size();
  where.record = record_place(RecordFormat::csv, 1);
  CsvColumns columns;
  if (!header.problem.empty()) add(problems, where, header.problem);
  columns.names = header.cells;
  columns.columns.resize(header.cells.size());
  for (std::size_t k = 0; k < header.cells.size(); ++k) {
    const auto& name = header.cells[k];
    const auto first = std::find(header.cells.begin(), header.cells.end(), name) - header.cells.begin();
    if (const auto bad = invalid_utf8_at(name); bad != npos)
      add(problems, where, (column_name(k) += ' ') += not_utf8(name, bad, "position"));
    else if (name.empty())
      add(problems, where, column_name(k) += " has no name");
    else if (static_cast<std::size_t>(first) != k)
      add(problems, field_at(where, name), "names more than one column");
    else if (auto column = column_for(name, schema); column.index() == 1)
      add(problems, field_at(where, name), std::get<std::string>(column));
    else
      columns.columns[k] = std::get<CsvColumn>(column);
    if (name == "id" && columns.id == npos) columns.id = k;
  }
  check_schema_columns(columns, schema, where, problems);
  columns.usable = problems.size() == before;
  return columns;
}

RecordEntry read_csv_record(const CsvRow& row, const CsvColumns& columns, const RecordSchema& schema, Where where,
                            std::vector<Diagnostic>& problems) {
  RecordEntry entry;
  entry.offset = row.offset;
  entry.place = where.record;
  const auto before = problems.size();
  if (!row.problem.empty()) {
    add(problems, where, row.problem);
  } else if (row.cells.size() != columns.names.size()) {
    std::string message = "has ";
    ((message += std::to_string(row.cells.size())) += " fields; the header names ") +=
        std::to_string(columns.names.size());
    add(problems, where, std::move(message));
  } else {
    if (columns.id != npos && invalid_utf8_at(row.cells[columns.id]) == npos &&
        !plain_text_problem(row.cells[columns.id]))
      entry.id = row.cells[columns.id];
    where.document = entry.id;
    auto unchecked = columns.incomplete;
    convert_row(row, columns, entry.fields, where, problems, unchecked);
    drop_empty_addresses(entry.fields, schema);
    for (const auto& spec : schema.fields)
      if (const auto value = entry.fields.find(spec.name); value != entry.fields.end() && !unchecked.count(spec.name))
        check_value(spec, *value, field_at(where, spec.name), problems);
  }
  entry.valid = columns.usable;
  settle_record(entry, before, problems);
  return entry;
}

}  // namespace kuvert

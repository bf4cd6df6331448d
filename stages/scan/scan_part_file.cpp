#include "stages/scan/scan_part_file.hpp"

#include <nlohmann/json.hpp>
#include <utility>

#include "pipeline/model/cbor_shape.hpp"
#include "pipeline/model/error.hpp"

namespace kuvert {

namespace {

using nlohmann::json;

json binary(const std::string& bytes) {
  return json::binary(json::binary_t::container_type(bytes.begin(), bytes.end()));
}

// A whole-number field that fits `Number`; anything else (a float would not
// convert safely) is refused.
template <class Number>
Number whole(const json& entry, const char* key, const Where& where) {
  const json& field = entry.at(key);
  if (field.is_number_unsigned() && std::in_range<Number>(field.get<std::uint64_t>()))
    return static_cast<Number>(field.get<std::uint64_t>());
  if (field.is_number_integer() && !field.is_number_unsigned() && std::in_range<Number>(field.get<std::int64_t>()))
    return static_cast<Number>(field.get<std::int64_t>());
  throw_input(where, std::string("field ") + key + " is not a whole number of its range");
}

// A number field from `low` to `high`: none is NaN or infinite.
double number(const json& entry, const char* key, double low, double high, const Where& where) {
  const double value = entry.at(key).get<double>();
  if (!(value >= low && value <= high))
    throw_input(where, std::string("field ") + key + " is not a number from " + std::to_string(low) + " to " +
                           std::to_string(high));
  return value;
}

std::string bytes_of(const json& value) {
  const auto& bytes = value.get_binary();
  return {bytes.begin(), bytes.end()};
}

json page_json(const ProcessedPage& page) {
  const ScannedPageRecord& record = page.record;
  json entry = {{"source", record.source},
                {"tone", record.tone},
                {"deskew_degrees", record.deskew_degrees},
                {"rotation", record.rotation},
                {"mean_confidence", record.mean_confidence},
                {"words", record.words},
                {"text", record.text},
                {"barcode", record.barcode},
                {"separator", page.separator},
                {"dropped", page.dropped}};
  if (page.archive)
    entry["archive"] = {{"image", binary(page.archive->image)},
                        {"contents", binary(page.archive->contents)},
                        {"width", page.archive->width},
                        {"height", page.archive->height}};
  return entry;
}

// The page but its place (the entry's). Throws nlohmann::json::exception
// for a field missing or of another kind.
ProcessedPage page_of(const json& entry, const Where& where) {
  ProcessedPage page;
  ScannedPageRecord& record = page.record;
  record.source = entry.at("source").get<std::string>();
  record.tone = entry.at("tone").get<std::string>();
  if (record.tone != "bitonal" && record.tone != "grey" && record.tone != "colour")
    throw_input(where, "field tone is \"" + record.tone + "\", not bitonal, grey or colour");
  record.deskew_degrees = number(entry, "deskew_degrees", -360, 360, where);
  record.rotation = whole<int>(entry, "rotation", where);
  record.mean_confidence = number(entry, "mean_confidence", 0, 100, where);
  record.words = whole<std::size_t>(entry, "words", where);
  record.text = entry.at("text").get<std::string>();
  record.barcode = entry.at("barcode").get<std::string>();
  page.separator = entry.at("separator").get<bool>();
  page.dropped = entry.at("dropped").get<bool>();
  // As page_processing leaves a page: a separator sheet or a blank page
  // dropped has no archive image, every other page has one.
  const auto archive = entry.find("archive");
  if ((page.separator && page.dropped) || (archive != entry.end()) == (page.separator || page.dropped))
    throw_input(where, "is not a page as a worker leaves it (separator, dropped and archive do not agree)");
  if (archive != entry.end()) {
    page.archive.emplace();
    page.archive->image = bytes_of(archive->at("image"));
    page.archive->contents = bytes_of(archive->at("contents"));
    page.archive->width = number(*archive, "width", 0.01, 1e6, where);
    page.archive->height = number(*archive, "height", 0.01, 1e6, where);
  }
  return page;
}

}  // namespace

void write_scan_part_entry(std::ostream& out, const ScanPartEntry& entry) {
  json value = entry.processed ? page_json(*entry.processed) : json{{"failure", entry.failure}};
  value["file"] = entry.file;
  value["page"] = entry.page;
  const auto bytes = json::to_cbor(value);
  const auto size = static_cast<std::uint32_t>(bytes.size());
  const char length[4] = {static_cast<char>(size >> 24), static_cast<char>(size >> 16), static_cast<char>(size >> 8),
                          static_cast<char>(size)};
  out.write(length, 4);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

std::optional<ScanPartEntry> ScanPartReader::next() {
  unsigned char length[4];
  in_.read(reinterpret_cast<char*>(length), 4);
  if (in_.gcount() == 0 && in_.eof()) return std::nullopt;
  const Where where{.file = name_, .record = "entry " + std::to_string(++entries_)};
  if (in_.gcount() != 4) throw_input(where, "is cut short in its length");
  const std::uint32_t size = (std::uint32_t{length[0]} << 24) | (std::uint32_t{length[1]} << 16) |
                             (std::uint32_t{length[2]} << 8) | std::uint32_t{length[3]};
  if (size > kMaxScanPartEntryBytes)
    throw_input(where, "claims " + std::to_string(size) + " bytes; an entry has " +
                           std::to_string(kMaxScanPartEntryBytes) + " at most");
  // Read as it comes, so that a false length costs no memory.
  std::string bytes;
  char chunk[1 << 16];
  while (bytes.size() < size) {
    in_.read(chunk, static_cast<std::streamsize>(std::min<std::size_t>(sizeof chunk, size - bytes.size())));
    if (in_.gcount() == 0)
      throw_input(where, "is cut short: " + std::to_string(bytes.size()) + " of " + std::to_string(size) + " bytes");
    bytes.append(chunk, static_cast<std::size_t>(in_.gcount()));
  }
  if (const auto problem = cbor_shape_problem(bytes, 4, 64); !problem.empty()) throw_input(where, problem);
  try {
    const json value = json::from_cbor(bytes);
    ScanPartEntry entry;
    entry.file = whole<std::uint32_t>(value, "file", where);
    entry.page = whole<std::uint32_t>(value, "page", where);
    if (const auto failure = value.find("failure"); failure != value.end()) {
      entry.failure = failure->get<std::string>();
      if (entry.failure.empty()) throw_input(where, "names a failure without its reason");
    } else {
      entry.processed = page_of(value, where);
      entry.processed->record.page = entry.page + 1;  // 1-based in the index
    }
    return entry;
  } catch (const json::exception& error) {
    throw_input(where, std::string("does not read: ") + error.what());
  }
}

}  // namespace kuvert

// Parsing reports every problem of the manifest at once, so a specialist
// application can correct a delivery in one round trip.
#include "stages/ingest/job_manifest.hpp"

#include <algorithm>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>

#include "pipeline/model/iso_date.hpp"
#include "pipeline/model/plain_text.hpp"
#include "stages/ingest/json_fields.hpp"
#include "stages/ingest/strict_json.hpp"

namespace kuvert {
namespace {

using nlohmann::json;

// Reads the production settings a document or the defaults may carry;
// absent fields keep what `settings` already holds.
void read_settings(JsonFields& fields, ProductionSettings& settings) {
  if (auto paper = fields.text("paper", false)) settings.paper = *paper;
  if (auto sides = fields.text("sides", false))
    settings.sides = fields.choice<Sides>("sides", *sides, {{"simplex", Sides::simplex}, {"duplex", Sides::duplex}})
                         .value_or(settings.sides);
  if (auto inserter = fields.text("inserter", false)) settings.inserter = *inserter;
  if (auto envelope = fields.text("envelope", false)) settings.envelope = *envelope;
  if (auto consolidate = fields.flag("consolidate")) settings.consolidate = *consolidate;
  if (auto inserts = fields.texts("inserts", false)) settings.inserts = *inserts;
  if (auto sensitive = fields.flag("sensitive")) settings.sensitive = *sensitive;
}

ManifestDocument read_document(const json& value, const ProductionSettings& defaults, Where where,
                               std::vector<Diagnostic>& problems) {
  // Problems are reported under the document's id where it has a usable one.
  if (value.is_object() && value.contains("id") && value["id"].is_string() && !value["id"].get<std::string>().empty() &&
      !plain_text_problem(value["id"].get<std::string>())) {
    where.document = value["id"].get<std::string>();
    where.field.clear();
  }
  JsonFields fields(value, std::move(where), problems);
  ManifestDocument document;
  document.settings = defaults;
  if (auto id = fields.text("id", true)) document.id = *id;
  if (auto pages = fields.text("pages", false)) {
    document.pages = parse_page_range(*pages);
    if (!document.pages) fields.problem("pages", "\"" + *pages + "\" is not a page range (expected \"3\" or \"3-4\")");
  }
  if (auto file = fields.text("file", false)) {
    if (file->empty())
      fields.problem("file", "is empty; expected the name of a PDF in the job folder");
    else
      document.file = *file;
  }
  if (fields.has("pages") == fields.has("file"))
    fields.problem("pages", "expected either \"pages\" (of the job's print_file) or \"file\", not both or neither");
  if (const auto* recipient = fields.object("recipient", true))
    document.recipient = read_recipient(*recipient, fields.at("recipient"), problems);
  read_settings(fields, document.settings);
  fields.reject_unknown();
  return document;
}

}  // namespace

namespace {

// Calls `each` with every element of the top-level "documents" array as the
// parser completes it, and the byte offset in `in` where the element began;
// drops the element from the tree it builds, so a manifest of 100,000
// documents never stands in memory as a whole.
json parse_without_documents(std::istream& in, const std::function<void(json&, std::uint64_t)>& each) {
  std::string top_key;
  std::uint64_t element_offset = 0;
  return parse_strict_json(in, [&](int depth, json::parse_event_t event, json& parsed) {
    if (depth == 1 && event == json::parse_event_t::key) top_key = parsed.get<std::string>();
    if (depth != 2 || top_key != "documents") return true;
    if (event == json::parse_event_t::object_start || event == json::parse_event_t::array_start) {
      // The parser has just taken the opening bracket from the stream.
      element_offset = static_cast<std::uint64_t>(in.rdbuf()->pubseekoff(0, std::ios::cur, std::ios::in)) - 1;
      return true;
    }
    const bool element_done = event == json::parse_event_t::object_end || event == json::parse_event_t::array_end ||
                              event == json::parse_event_t::value;
    if (!element_done) return true;
    each(parsed, element_offset);
    return false;
  });
}

// Ids used by more than one document, found after reading (a set of the ids
// themselves would outweigh the job): a hash of each id with where its entry
// begins; equal hashes are confirmed by reading both ids again.
class IdCheck {
 public:
  void add(const std::string& id, std::uint64_t offset) {
    if (!id.empty()) entries_.push_back({std::hash<std::string>{}(id), offset});
  }

  // Appends a problem for every document whose id an earlier one has, in
  // delivery order.
  void report(std::istream& in, const Where& where, std::vector<Diagnostic>& problems) {
    std::sort(entries_.begin(), entries_.end());
    std::vector<std::pair<std::uint64_t, Diagnostic>> found;  // by offset of the later document
    for (std::size_t begin = 0, end = 0; begin < entries_.size(); begin = end) {
      for (end = begin + 1; end < entries_.size() && entries_[end].hash == entries_[begin].hash;) ++end;
      if (end - begin == 1) continue;
      std::vector<std::string> seen;
      for (std::size_t i = begin; i < end; ++i) {
        std::string id = id_at(in, entries_[i].offset, where);
        if (std::find(seen.begin(), seen.end(), id) == seen.end()) {
          seen.push_back(std::move(id));
          continue;
        }
        Where at = where;
        at.document = id;
        at.field = "id";
        found.push_back({entries_[i].offset, {at, "is used by an earlier document too; document ids must be unique"}});
      }
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [offset, problem] : found) problems.push_back(std::move(problem));
  }

 private:
  static std::string id_at(std::istream& in, std::uint64_t offset, const Where& where) {
    std::vector<Diagnostic> ignored;
    const auto document = read_manifest_document_at(in, offset, where, ignored);
    return document ? document->id : "";
  }

  struct Entry {
    std::size_t hash;
    std::uint64_t offset;  // ascending within equal hashes: delivery order
    friend auto operator<=>(const Entry&, const Entry&) = default;
  };
  std::vector<Entry> entries_;
};

}  // namespace

JobManifest read_job_manifest(const ManifestOpener& open, const Where& where, std::vector<Diagnostic>& problems) {
  JobManifest manifest;
  // Everything but the documents, whose defaults may come after them.
  json root;
  std::size_t document_count = 0;
  try {
    root = parse_without_documents(*open(), [&](json&, std::uint64_t) { ++document_count; });
  } catch (const JsonRefused& refused) {
    problems.push_back({where, refused.message("byte")});
    return manifest;
  }
  manifest.valid_json = true;
  JsonFields fields(root, where, problems);
  if (auto job = fields.text("job", true)) manifest.job = *job;
  if (auto client = fields.text("client", true)) manifest.client = *client;
  if (auto application = fields.text("application", false)) manifest.application = *application;
  if (auto due = fields.text("due", false)) {
    if (is_iso_date(*due))
      manifest.due = *due;
    else
      fields.problem("due", "\"" + *due + "\" is not a day (expected YYYY-MM-DD, as 2026-12-10)");
  }
  if (auto print_file = fields.text("print_file", false)) manifest.print_file = *print_file;
  if (const auto* value = fields.object("defaults", false)) {
    JsonFields default_fields(*value, fields.at("defaults"), problems);
    read_settings(default_fields, manifest.defaults);
    default_fields.reject_unknown();
  }
  // A data job names a layout and its records instead of a print file and
  // documents (DESIGN.md, job manifest).
  if (auto layout = fields.text("layout", false)) {
    // A name in layouts/letters/, never a path.
    const bool plain = std::all_of(layout->begin(), layout->end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
    if (plain)
      manifest.layout = *layout;
    else
      fields.problem(
          "layout",
          "\"" + *layout + "\" is not a layout name (letters, digits, - and _; the layouts are in layouts/letters/)");
  }
  if (auto fonts = fields.text("standard_fonts", false))
    manifest.allow_standard_fonts =
        fields.choice<bool>("standard_fonts", *fonts, {{"refuse", false}, {"allow", true}}).value_or(false);
  if (auto records = fields.text("records", false)) manifest.records = *records;
  if (auto form = fields.text("form", false))
    manifest.form =
        fields.choice<LetterForm>("form", *form, {{"A", LetterForm::a}, {"B", LetterForm::b}}).value_or(LetterForm::b);
  if (auto mode = fields.text("on_bad_record", false))
    manifest.skip_bad_records =
        fields.choice<bool>("on_bad_record", *mode, {{"fail", false}, {"skip", true}}).value_or(false);
  if (fields.has("layout") || fields.has("records")) {
    if (!fields.has("layout"))
      fields.problem("layout", "is missing; a job with records names the layout to set them in");
    if (!fields.has("records")) fields.problem("records", "is missing; a job with a layout names its records file");
    if (fields.has("form")) fields.problem("form", "is for print files; a letter layout names its own form");
    for (const char* other : {"print_file", "documents"})
      if (fields.has(other))
        fields.problem(other, "cannot be given together with a layout and records (a job is either kind)");
  } else {
    if (fields.has("on_bad_record")) fields.problem("on_bad_record", "is for jobs with records only");
    if (fields.array("documents", true)) {
      manifest.documents = document_count;
      if (document_count == 0) fields.problem("documents", "the job has no documents");
    }
  }
  fields.reject_unknown();
  return manifest;
}

void read_manifest_documents(const ManifestOpener& open, const JobManifest& manifest, const Where& where,
                             std::vector<Diagnostic>& problems,
                             const std::function<void(ManifestDocument&&, std::uint64_t offset)>& each) {
  if (!manifest.valid_json || manifest.documents == 0) return;
  IdCheck ids;
  std::size_t index = 0;
  const auto in = open();
  try {
    parse_without_documents(*in, [&](json& element, std::uint64_t offset) {
      Where at = where;
      at.field = "documents[" + std::to_string(index++) + "]";
      auto document = read_document(element, manifest.defaults, at, problems);
      ids.add(document.id, offset);
      each(std::move(document), offset);
    });
  } catch (const JsonRefused& refused) {  // the file changed since the first reading
    problems.push_back({where, refused.message("byte")});
    return;
  }
  in->clear();
  ids.report(*in, where, problems);
}

std::optional<ManifestDocument> read_manifest_document_at(std::istream& in, std::uint64_t offset, const Where& where,
                                                          std::vector<Diagnostic>& problems) {
  in.clear();
  if (!in.seekg(static_cast<std::streamoff>(offset))) return std::nullopt;
  json element;
  try {
    in >> element;  // one value, whatever follows it (read strictly once before)
  } catch (const json::exception&) {
    return std::nullopt;
  }
  return read_manifest_document(element, where, problems);
}

ManifestDocument read_manifest_document(const json& entry, const Where& where, std::vector<Diagnostic>& problems,
                                        const ProductionSettings& defaults) {
  return read_document(entry, defaults, where, problems);
}

JobManifest read_job_fields(const std::filesystem::path& job) {
  std::error_code error;
  const auto manifest = std::filesystem::is_directory(job, error) ? job / "job.json" : job;
  if (!std::filesystem::is_regular_file(manifest, error)) return {};
  std::vector<Diagnostic> ignored;
  return read_job_manifest([&manifest] { return std::make_unique<std::ifstream>(manifest); },
                           Where{.file = manifest.filename().string()}, ignored);
}

}  // namespace kuvert

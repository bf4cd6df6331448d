#include "pipeline/profiles/load_split_profile.hpp"

#include <optional>
#include <set>

#include "pipeline/model/a4_sheet.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/model/short_number.hpp"
#include "pipeline/profiles/toml_fields.hpp"
#include "pipeline/profiles/toml_files.hpp"

namespace kuvert {
namespace {

// The pattern of `key`, checked; `groups` the groups it must have at least.
std::string pattern_of(TomlFields& fields, const std::string& key, std::size_t groups) {
  const auto pattern = fields.text(key).value_or("");
  if (pattern.empty()) return pattern;
  const auto compiled = compile_pattern(fields, key, pattern, "\"" + pattern + "\" ");
  if (compiled && compiled->mark_count() < groups)
    fields.problem(
        key, "needs " + std::to_string(groups) + " groups in parentheses: the page's number and the document's pages");
  return pattern;
}

// A region of the page; one that runs off the A4 sheet would read what is
// not there.
std::optional<RectMm> region_of(TomlFields& fields) {
  const auto region = read_rect(fields, "region");
  if (region && (region->x + region->width > kA4WidthMm + 1e-9 || region->y + region->height > kA4HeightMm + 1e-9)) {
    fields.problem("region", "runs off the A4 sheet: it reaches x " + short_number(region->x + region->width) +
                                 " mm and y " + short_number(region->y + region->height) + " mm, the sheet " +
                                 short_number(kA4WidthMm) + " by " + short_number(kA4HeightMm) + " mm");
    return std::nullopt;
  }
  return region;
}

// What a field's value sets in its document's entry (sets, values).
void read_mapping(TomlFields& fields, SplitField& field) {
  if (fields.has("sets"))
    field.sets = fields
                     .choice<std::string>("sets", {{"inserts", "inserts"},
                                                   {"sensitive", "sensitive"},
                                                   {"consolidate", "consolidate"},
                                                   {"paper", "paper"},
                                                   {"sides", "sides"},
                                                   {"envelope", "envelope"},
                                                   {"inserter", "inserter"}})
                     .value_or("");
  if (!fields.has("values")) return;
  const toml::table* values = fields.table("values");
  if (!values) return;
  const bool flag = field.sets == "sensitive" || field.sets == "consolidate";
  for (const auto& [key, node] : *values) {
    const std::string found(key.str());
    const auto value = node.value<std::string>();
    if (!value || (flag && *value != "true" && *value != "false"))
      fields.problem("values." + found, flag ? "expected \"true\" or \"false\"" : "expected a string");
    else
      field.values[found] = *value;
  }
  if (!fields.has("sets")) fields.problem("values", "needs sets = \"...\": the key of job.json the values set");
}

DocumentStart read_start(TomlFields& fields) {
  using Kind = DocumentStart::Kind;
  DocumentStart start;
  start.kind = fields
                   .choice<Kind>("rule", {{"text", Kind::text},
                                          {"pattern", Kind::pattern},
                                          {"field_change", Kind::field_change},
                                          {"page_counter", Kind::page_counter},
                                          {"every", Kind::every}})
                   .value_or(Kind::text);
  switch (start.kind) {
    case Kind::text:
      start.text = fields.text("text").value_or("");
      start.region = region_of(fields).value_or(RectMm{});
      break;
    case Kind::pattern:
      start.pattern = pattern_of(fields, "pattern", 0);
      start.region = region_of(fields).value_or(RectMm{});
      break;
    case Kind::field_change:
      start.field = fields.text("field").value_or("");
      break;
    case Kind::page_counter:
      break;
    case Kind::every:
      start.pages = static_cast<std::uint32_t>(fields.integer("pages", 1, 10000).value_or(1));
      break;
  }
  return start;
}

// A TOML value as JSON: job.json's keys, which `kuvert run` checks.
nlohmann::json json_of(const toml::node& node) {
  if (const auto* table = node.as_table()) {
    auto object = nlohmann::json::object();
    for (const auto& [key, value] : *table) object[std::string(key.str())] = json_of(value);
    return object;
  }
  if (const auto* array = node.as_array()) {
    auto list = nlohmann::json::array();
    for (const auto& value : *array) list.push_back(json_of(value));
    return list;
  }
  if (const auto* text = node.as_string()) return text->get();
  if (const auto* flag = node.as_boolean()) return flag->get();
  if (const auto* integer = node.as_integer()) return integer->get();
  if (const auto* number = node.as_floating_point()) return number->get();
  return nullptr;  // dates and times: job.json has none
}

}  // namespace

SplitProfile load_split_profile(const std::filesystem::path& layouts_dir, const std::string& name) {
  SplitProfile initial;
  initial.name = name;
  return read_toml_file(layouts_dir, "splits/" + name + ".toml", initial, [](TomlFields& top, SplitProfile& profile) {
    if (top.has("match"))
      profile.all_must_hold = top.choice<bool>("match", {{"any", false}, {"all", true}}).value_or(false);
    each_table(top, "start", true, [&](TomlFields& fields) { profile.starts.push_back(read_start(fields)); });
    with_table(top, "page_counter", false, [&](TomlFields& fields) {
      profile.counters.push_back({pattern_of(fields, "pattern", 2), region_of(fields).value_or(RectMm{})});
    });
    with_table(top, "recipient", true, [&](TomlFields& fields) {
      // The form says where the window shows the address (job.json's
      // "form"); a region, where the address is read instead of the form's field.
      if (fields.has("form") || !fields.has("region"))
        profile.address_form =
            fields.choice<LetterForm>("form", {{"A", LetterForm::a}, {"B", LetterForm::b}}).value_or(LetterForm::b);
      if (fields.has("region"))
        if (const auto region = region_of(fields)) profile.address_region.push_back(*region);
    });
    each_table(top, "field", false, [&](TomlFields& fields) {
      SplitField field;
      field.name = fields.text("name").value_or("");
      field.pattern = pattern_of(fields, "pattern", 0);
      field.region = region_of(fields).value_or(RectMm{});
      if (fields.has("every_page")) field.every_page = fields.flag("every_page").value_or(false);
      if (fields.has("required")) field.required = fields.flag("required").value_or(false);
      read_mapping(fields, field);
      profile.fields.push_back(std::move(field));
    });
    profile.id_field = top.text("id").value_or("");
    if (top.has("ocr")) profile.ocr = top.flag("ocr").value_or(false);
    if (top.has("on_bad_document"))
      profile.skip_bad_documents =
          top.choice<bool>("on_bad_document", {{"reject", false}, {"skip", true}}).value_or(false);
    if (const toml::table* job = top.has("job") ? top.table("job") : nullptr) {
      profile.job = json_of(*job);
      // job.json's keys besides its documents and print file, which the
      // split finds itself; kuvert run checks their values.
      for (const auto& [key, value] : profile.job.items())
        if (key != "client" && key != "application" && key != "defaults" && key != "standard_fonts")
          top.problem("job." + key,
                      "is not a key of job.json a split profile gives (client, application, defaults, "
                      "standard_fonts)");
      if (!profile.job.contains("client")) top.problem("job.client", "is missing");
    } else if (!top.has("job")) {
      top.problem("job", "is missing: job.json's client (and application, defaults) for the documents found");
    }

    // How the parts fit together.
    std::set<std::string> names, every_page;
    for (const auto& field : profile.fields) {
      if (!names.insert(field.name).second) top.problem("field", "reads \"" + field.name + "\" twice");
      if (field.every_page) every_page.insert(field.name);
    }
    for (const auto& start : profile.starts) {
      if (start.kind == DocumentStart::Kind::field_change && !every_page.contains(start.field))
        top.problem("start", "field_change needs \"" + start.field +
                                 "\" read on every page (a [[field]] with every_page = true)");
      if (start.kind == DocumentStart::Kind::page_counter && profile.counters.empty())
        top.problem("start", "page_counter needs a [page_counter] table");
    }
    if (!profile.id_field.empty() && !names.contains(profile.id_field))
      top.problem("id", "\"" + profile.id_field + "\" is no field the profile reads");
    // Every document needs its id: a document without one is refused.
    for (auto& field : profile.fields) field.required = field.required || field.name == profile.id_field;
  });
}

}  // namespace kuvert

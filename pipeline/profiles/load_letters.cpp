#include "pipeline/profiles/load_letters.hpp"

#include <algorithm>

#include "pipeline/model/error.hpp"
#include "pipeline/model/text_template.hpp"
#include "pipeline/profiles/toml_fields.hpp"
#include "pipeline/profiles/toml_files.hpp"

namespace kuvert {
namespace {

// DIN 5008: text from 25 mm to 20 mm before the right edge.

std::optional<FieldType> type_named(const std::string& name) {
  static const std::pair<const char*, FieldType> kTypes[] = {
      {"text", FieldType::text},          {"integer", FieldType::integer}, {"number", FieldType::number},
      {"money", FieldType::money},        {"date", FieldType::date},       {"period", FieldType::period},
      {"recipient", FieldType::recipient}};
  for (const auto& [text, type] : kTypes)
    if (name == text) return type;
  return std::nullopt;
}

// [fields]: name = "type" (a trailing "?" makes it optional), or a table
// for a list whose elements have those fields.
std::vector<FieldSpec> read_fields(const toml::table& table, const Where& where, bool top,
                                   std::vector<Diagnostic>& problems) {
  std::vector<FieldSpec> fields;
  TomlFields keys(table, where, problems);
  for (const auto& [key, node] : table) {
    const std::string name(key.str());
    keys.handled(name);
    FieldSpec field{name, FieldType::text, false, {}};
    if (const auto* list = node.as_table()) {
      if (!top) {
        keys.problem(name, "a list inside a list is not supported");
        continue;
      }
      field.type = FieldType::list;
      field.items = read_fields(*list, keys.at(name), false, problems);
      fields.push_back(std::move(field));
      continue;
    }
    const auto* text = node.as_string();
    std::string type_text = text ? text->get() : "";
    if (!type_text.empty() && type_text.back() == '?') {
      field.optional = true;
      type_text.pop_back();
    }
    const auto type = type_named(type_text);
    if (!type || (!top && *type == FieldType::recipient)) {
      keys.problem(name, "expected a type (text, integer, number, money, date, period" +
                             std::string(top ? ", recipient" : "") +
                             "; \"?\" at the end if optional) or a table of fields for a list");
      continue;
    }
    field.type = *type;
    fields.push_back(std::move(field));
  }
  return fields;
}

// A template's placeholders must be fields of `scope` that print as text.
std::string checked_template(TomlFields& fields, const std::string& key, const RecordSchema& scope) {
  const auto text = fields.text(key);
  if (!text) return "";
  const auto parsed = parse_template(*text);
  if (!parsed.problem.empty()) {
    fields.problem(key, parsed.problem);
    return "";
  }
  for (const auto& part : parsed.parsed.parts) {
    if (part.field.empty()) continue;
    const FieldSpec* field = scope.find(part.field);
    if (field == nullptr)
      fields.problem(key, "{" + part.field + "} names no field of the layout");
    else if (field->type == FieldType::list || field->type == FieldType::recipient)
      fields.problem(key, "{" + part.field + "} is a " + (field->type == FieldType::list ? "list" : "recipient") +
                              ", which cannot stand in a text");
    else if (part.decimals && field->type != FieldType::number)
      fields.problem(key, "{" + part.field + ":" + std::to_string(*part.decimals) + "}: decimals are for numbers only");
  }
  return *text;
}

void read_table(TomlFields& top, const RecordSchema& schema, LetterLayout& layout) {
  // A letter may have no table.
  with_table(top, "table", false, [&](TomlFields& fields) {
    LetterTable result;
    RecordSchema rows;
    if (const auto name = fields.text("rows")) {
      result.rows = *name;
      const FieldSpec* list = schema.find(*name);
      if (list == nullptr || list->type != FieldType::list)
        fields.problem("rows", "\"" + *name + "\" is no list field of the layout");
      else
        rows.fields = list->items;
    }
    double width = 0;
    each_table(fields, "columns", true, [&](TomlFields& column) {
      TableColumn spec;
      spec.title = column.text("title").value_or("");
      spec.value = checked_template(column, "value", rows);
      spec.width_mm = column.number("width", 5, kLetterTextWidthMm).value_or(0);
      if (column.has("align"))
        spec.align =
            column.choice<Align>("align", {{"left", Align::left}, {"right", Align::right}}).value_or(Align::left);
      width += spec.width_mm;
      result.columns.push_back(std::move(spec));
    });
    if (width > kLetterTextWidthMm + 1e-9)
      fields.problem("columns", "are " + format_number(width) + " mm wide together; the text is " +
                                    format_number(kLetterTextWidthMm) + " mm wide");
    each_table(fields, "totals", false, [&](TomlFields& total) {
      result.totals.push_back({total.text("label").value_or(""), checked_template(total, "value", schema)});
    });
    layout.table = std::move(result);
  });
}

void read_body(TomlFields& top, const RecordSchema& schema, LetterLayout& layout) {
  std::size_t tables = 0;
  each_table(top, "body", true, [&](TomlFields& block) {
    BodyBlock spec;
    if (block.has("table")) {
      spec.table = true;
      ++tables;
      block.handled("table");
    } else {
      spec.text = checked_template(block, "text", schema);
    }
    if (block.has("unless")) {
      spec.unless = block.text("unless").value_or("");
      const FieldSpec* field = schema.find(spec.unless);
      if (!spec.unless.empty() && (field == nullptr || !field->optional))
        block.problem("unless", "\"" + spec.unless + "\" is no optional field of the layout");
    }
    layout.body.push_back(std::move(spec));
  });
  if (layout.table && tables != 1) top.problem("body", "must place the table exactly once ({ table = true })");
  if (!layout.table && tables > 0) top.problem("body", "places a table, but the layout has no [table]");
}

// A rule's text may name the person, {name}, and nothing else: the
// salutation is chosen before any field is.
std::string salutation_text(TomlFields& fields, const std::string& key, bool names_person) {
  const std::string text = fields.text(key).value_or("");
  std::string rest = text;
  if (names_person)
    for (auto at = rest.find("{name}"); at != std::string::npos; at = rest.find("{name}")) rest.erase(at, 6);
  if (rest.find('{') != std::string::npos || rest.find('}') != std::string::npos)
    fields.problem(key, names_person ? "may hold {name} (the person's titles and surname) and no other placeholder"
                                     : "is said when no person is named: it can hold no placeholder");
  return text;
}

// [salutation] of a layout, with the titles and particles of
// layouts/names.toml.
SalutationRules read_salutation_rules(TomlFields& top, const std::filesystem::path& layouts_dir) {
  SalutationRules rules;
  with_table(top, "salutation", true, [&](TomlFields& fields) {
    if (fields.has("line")) rules.line = static_cast<std::size_t>(fields.integer("line", 1, 10).value_or(1));
    rules.fallback = salutation_text(fields, "fallback", false);
    each_table(fields, "rule", true, [&](TomlFields& rule) {
      rules.rules.push_back(
          {rule.texts("when", true).value_or(std::vector<std::string>{}), salutation_text(rule, "text", true)});
    });
  });
  TomlFiles files(layouts_dir, top.problems());
  if (const auto document = files.parse("names.toml")) {
    TomlFields names(*document, in_file("names.toml"), top.problems());
    rules.titles = names.texts("titles", true).value_or(std::vector<std::string>{});
    rules.particles = names.texts("particles", true).value_or(std::vector<std::string>{});
    names.reject_unknown();
  }
  return rules;
}

// layouts/countries.toml: CODE = "NAME", the codes two capital letters.
std::map<std::string, std::string> read_country_names(const std::filesystem::path& layouts_dir,
                                                      std::vector<Diagnostic>& problems) {
  std::map<std::string, std::string> names;
  TomlFiles files(layouts_dir, problems);
  const auto document = files.parse("countries.toml");
  if (!document) return names;
  TomlFields countries(*document, in_file("countries.toml"), problems);
  for (const auto& [key, node] : *document) {
    const std::string code(key.str());
    const auto capital = [](char c) { return c >= 'A' && c <= 'Z'; };
    if (code.size() != 2 || !capital(code[0]) || !capital(code[1])) {
      countries.problem(code, "is not an ISO 3166-1 country code (two capital letters)");
      countries.handled(code);
    } else if (auto name = countries.text(code)) {
      names.emplace(code, std::move(*name));
    }
  }
  return names;
}

}  // namespace

LetterLayout load_letter_layout(const std::filesystem::path& layouts_dir, const std::string& name,
                                const FontCatalog& fonts) {
  LetterLayout initial;
  initial.name = name;
  return read_toml_file(layouts_dir, "letters/" + name + ".toml", initial, [&](TomlFields& top, LetterLayout& layout) {
    if (top.has("form"))
      layout.form =
          top.choice<LetterForm>("form", {{"A", LetterForm::a}, {"B", LetterForm::b}}).value_or(LetterForm::b);
    for (auto [key, target] : {std::pair{"font", &layout.font}, std::pair{"bold_font", &layout.bold_font}}) {
      if (!top.has(key)) continue;
      *target = top.text(key).value_or("");
      if (!target->empty() && !fonts.fonts.count(*target))
        top.problem(key, "\"" + *target + "\" is no font of fonts/fonts.toml");
    }
    if (top.has("size")) layout.size_pt = top.number("size", 8, 16).value_or(layout.size_pt);
    if (top.has("leading")) layout.leading = top.number("leading", 1, 3).value_or(layout.leading);
    if (top.has("address_indent")) layout.address_indent_mm = top.number("address_indent", 0, 20).value_or(0);
    if (top.has("sensitive")) layout.sensitive = top.flag("sensitive").value_or(false);
    if (const toml::table* fields = top.table("fields"))
      layout.fields.fields = read_fields(*fields, top.at("fields"), true, top.problems());
    for (const auto& [required, type] :
         {std::pair{"id", FieldType::text}, std::pair{"recipient", FieldType::recipient}}) {
      const FieldSpec* field = layout.fields.find(required);
      if (field == nullptr || field->type != type || field->optional)
        top.problem("fields", std::string("must have ") + required + " = \"" +
                                  (type == FieldType::text ? "text" : "recipient") + "\"");
    }
    each_table(top, "info", false, [&](TomlFields& line) {
      layout.info.push_back({line.text("label").value_or(""), checked_template(line, "value", layout.fields)});
    });
    layout.subject = checked_template(top, "subject", layout.fields);
    if (top.has_table("salutation"))
      layout.salutation_rules = read_salutation_rules(top, layouts_dir);
    else
      layout.salutation = checked_template(top, "salutation", layout.fields);
    read_table(top, layout.fields, layout);
    read_body(top, layout.fields, layout);
    layout.closing = top.texts("closing", true).value_or(std::vector<std::string>{});
    layout.country_names = read_country_names(layouts_dir, top.problems());
  });
}

std::map<std::string, Client> load_clients(const std::filesystem::path& layouts_dir) {
  std::vector<Diagnostic> problems;
  TomlFiles files(layouts_dir, problems);
  std::map<std::string, Client> clients;
  if (const auto document = files.parse("clients.toml")) {
    clients = read_stocks<Client>(
        *document, "clients.toml", "client", problems,
        [&](TomlFields& fields, const std::string& id) -> std::optional<Client> {
          Client client;
          client.id = id;
          client.name = fields.text("name").value_or("");
          client.letterhead = fields.texts("letterhead", true).value_or(std::vector<std::string>{});
          client.return_address = fields.text("return_address").value_or("");
          client.contact = fields.texts("contact", false).value_or(std::vector<std::string>{});
          client.bank = fields.texts("bank", true).value_or(std::vector<std::string>{});
          if (fields.has("logo")) {
            const auto logo = fields.text("logo").value_or("");
            client.logo = std::filesystem::absolute(layouts_dir / logo);
            std::error_code error;
            const auto type = client.logo.extension();
            if (!logo.empty() &&
                ((type != ".png" && type != ".pdf") || !std::filesystem::is_regular_file(client.logo, error)))
              fields.problem("logo", "\"" + logo + "\" is no PNG or PDF file in the layouts folder");
          }
          fields.reject_unknown();
          return client;
        });
  }
  if (!problems.empty()) throw Error(ErrorKind::input, std::move(problems));
  return clients;
}

std::map<std::string, std::string> load_country_names(const std::filesystem::path& layouts_dir) {
  std::vector<Diagnostic> problems;
  auto names = read_country_names(layouts_dir, problems);
  if (!problems.empty()) throw Error(ErrorKind::input, std::move(problems));
  return names;
}

std::map<std::string, std::string> load_postcode_forms(const std::filesystem::path& layouts_dir) {
  std::vector<Diagnostic> problems;
  std::map<std::string, std::string> forms;
  TomlFiles files(layouts_dir, problems);
  if (const auto document = files.parse("postcodes.toml")) {
    TomlFields fields(*document, in_file("postcodes.toml"), problems);
    for (const auto& [key, node] : *document) {
      const std::string code(key.str());
      const auto form = fields.text(code);
      if (!form) continue;
      if (code.size() != 2 || !std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
        fields.problem(code, "is no ISO 3166 country code (two capital letters, as in countries.toml)");
        continue;
      }
      if (compile_pattern(fields, code, *form, "\"" + *form + "\" ")) forms.emplace(code, *form);
    }
  }
  if (!problems.empty()) throw Error(ErrorKind::input, std::move(problems));
  return forms;
}

}  // namespace kuvert

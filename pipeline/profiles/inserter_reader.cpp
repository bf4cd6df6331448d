// Reading an inserter profile happens in two passes. The first reads every
// key and records what is missing, mistyped or out of range. Only when that
// pass found nothing does the second check how the values fit together
// (positions against feeders, marks against the clear zone): on a half-read
// profile those checks would mostly repeat the first pass's findings.
#include "pipeline/profiles/inserter_checks.hpp"
#include "pipeline/profiles/profile_readers.hpp"
#include "pipeline/profiles/toml_fields.hpp"

namespace kuvert {
namespace {

const char* const kOmrKeys[] = {"positions",     "first_mark_y_mm",    "pitch_mm",       "bar_x_mm",
                                "bar_length_mm", "bar_thickness_mm",   "collation_mark", "logic",
                                "parity",        "sequence_direction", "order"};
const char* const kDataMatrixKeys[] = {"code_x_mm", "code_y_mm", "module_mm"};

template <std::size_t N>
void reject_keys(TomlFields& fields, const char* const (&keys)[N], const char* code) {
  for (const char* key : keys) {
    if (!fields.has(key)) continue;
    fields.problem(key, std::string("is only allowed with code = \"") + code + "\"");
    fields.handled(key);
  }
}

std::optional<MarkPosition> read_position(TomlFields& fields) {
  MarkPosition position;
  const auto function = fields.choice<MarkFunction>("function", {{"start", MarkFunction::start},
                                                                 {"insert", MarkFunction::insert},
                                                                 {"feeder", MarkFunction::feeder},
                                                                 {"sequence", MarkFunction::sequence},
                                                                 {"parity", MarkFunction::parity},
                                                                 {"divert", MarkFunction::divert},
                                                                 {"stop", MarkFunction::stop},
                                                                 {"safety", MarkFunction::safety}});
  bool complete = function.has_value();
  if (function) position.function = *function;

  if (function == MarkFunction::feeder) {
    const auto station = fields.integer("station", 1, 99);
    complete = complete && station;
    if (station) position.feeder = static_cast<int>(*station);
  } else if (fields.has("station")) {
    fields.problem("station", "is only allowed with function \"feeder\"");
    fields.handled("station");
  }

  if (function == MarkFunction::sequence) {
    const auto weight = fields.integer("weight", 1, 128);
    if (weight && (*weight & (*weight - 1)) != 0) {
      fields.problem("weight", "must be a power of two (1, 2, 4, ...), got " + std::to_string(*weight));
      complete = false;
    } else {
      complete = complete && weight;
      if (weight) position.weight = static_cast<int>(*weight);
    }
  } else if (fields.has("weight")) {
    fields.problem("weight", "is only allowed with function \"sequence\"");
    fields.handled("weight");
  }
  fields.reject_unknown();
  if (!complete) return std::nullopt;
  return position;
}

void read_omr(TomlFields& fields, InserterProfile& profile, std::vector<Diagnostic>& problems) {
  const auto tables = fields.tables("positions", true);
  for (std::size_t i = 0; i < tables.size(); ++i) {
    TomlFields position_fields(*tables[i], element(fields.at("positions"), i), problems);
    if (auto position = read_position(position_fields)) profile.positions.push_back(*position);
  }
  if (const auto v = fields.number("first_mark_y_mm", 0, kA4HeightMm)) profile.first_mark_y_mm = *v;
  // The range every vendor's reader accepts (DOMAIN.md, control marks).
  if (const auto v = fields.number("pitch_mm", 2.54, 6.35)) profile.pitch_mm = *v;
  if (const auto v = fields.number("bar_x_mm", 0, kA4WidthMm)) profile.bar_x_mm = *v;
  if (const auto v = fields.positive("bar_length_mm")) profile.bar_length_mm = *v;
  // Quadient reads bars from 0.2 mm, Pitney Bowes from 0.35 mm.
  if (const auto v = fields.number("bar_thickness_mm", 0.2)) profile.bar_thickness_mm = *v;
  if (const auto v = fields.choice<CollationMark>(
          "collation_mark", {{"end", CollationMark::end_of_collation}, {"begin", CollationMark::begin_of_collation}}))
    profile.collation_mark = *v;
  if (const auto v =
          fields.choice<MarkLogic>("logic", {{"positive", MarkLogic::positive}, {"negative", MarkLogic::negative}}))
    profile.logic = *v;
  if (const auto v =
          fields.choice<Parity>("parity", {{"even", Parity::even}, {"odd", Parity::odd}, {"none", Parity::none}}))
    profile.parity = *v;
  if (const auto v = fields.choice<SequenceDirection>(
          "sequence_direction", {{"up", SequenceDirection::up}, {"down", SequenceDirection::down}}))
    profile.sequence_direction = *v;
  if (const auto v = fields.choice<CollationOrder>(
          "order", {{"normal", CollationOrder::normal}, {"reverse", CollationOrder::reverse}}))
    profile.order = *v;
  reject_keys(fields, kDataMatrixKeys, "datamatrix");
}

void read_datamatrix(TomlFields& fields, InserterProfile& profile) {
  if (const auto v = fields.number("code_x_mm", 0, kA4WidthMm)) profile.code_x_mm = *v;
  if (const auto v = fields.number("code_y_mm", 0, kA4HeightMm)) profile.code_y_mm = *v;
  // Below 0.25 mm cameras on inserters lose the modules; above 1 mm the code outgrows any margin.
  if (const auto v = fields.number("module_mm", 0.25, 1)) profile.module_mm = *v;
  reject_keys(fields, kOmrKeys, "omr");
}

void read_clear_zone(TomlFields& fields, InserterProfile& profile) {
  if (const auto zone = read_rect(fields, "clear_zone")) profile.clear_zone = *zone;
}

void read_feeders(TomlFields& fields, InserterProfile& profile, std::vector<Diagnostic>& problems) {
  const auto tables = fields.tables("feeder", false);
  for (std::size_t i = 0; i < tables.size(); ++i) {
    TomlFields feeder_fields(*tables[i], element(fields.at("feeder"), i), problems);
    Feeder feeder;
    if (const auto v = feeder_fields.text("name")) feeder.name = *v;
    if (const auto v = feeder_fields.integer("station", 1, 99)) feeder.station = static_cast<int>(*v);
    if (const auto v = feeder_fields.text("insert")) feeder.insert = *v;
    if (const auto v = feeder_fields.number("weight_g")) feeder.weight_g = *v;
    if (const auto v = feeder_fields.number("thickness_mm")) feeder.thickness_mm = *v;
    feeder_fields.reject_unknown();
    profile.feeders.push_back(std::move(feeder));
  }
}

}  // namespace

InserterProfile read_inserter(const toml::table& document, const std::string& name, const std::string& file,
                              std::vector<Diagnostic>& problems) {
  const std::size_t problems_before = problems.size();
  InserterProfile profile;
  profile.name = name;
  TomlFields fields(document, in_file(file), problems);

  const auto code = fields.choice<CodeKind>("code", {{"omr", CodeKind::omr}, {"datamatrix", CodeKind::datamatrix}});
  if (const auto v = fields.choice<SheetSide>("side", {{"front", SheetSide::front}, {"back", SheetSide::back}}))
    profile.side = *v;
  if (code) profile.code = *code;
  if (code == CodeKind::omr) read_omr(fields, profile, problems);
  if (code == CodeKind::datamatrix) read_datamatrix(fields, profile);
  read_clear_zone(fields, profile);
  if (fields.has("letter_forms")) {
    profile.letter_forms.clear();
    for (const auto& form : fields.texts("letter_forms", true).value_or(std::vector<std::string>{})) {
      if (form == "A" || form == "B")
        profile.letter_forms.push_back(form == "A" ? LetterForm::a : LetterForm::b);
      else
        fields.problem("letter_forms", "\"" + form + "\" is no DIN 5008 form (expected \"A\" or \"B\")");
    }
    if (profile.letter_forms.empty()) fields.problem("letter_forms", "names no form");
  }
  if (const auto v = fields.choice<LetterFold>("fold", {{"Z", LetterFold::z}, {"C", LetterFold::c}})) profile.fold = *v;
  if (const auto v = fields.choice<SetCollation>(
          "collation", {{"forward", SetCollation::forward}, {"reverse", SetCollation::reverse}}))
    profile.collation = *v;
  with_table(fields, "limits", false, [&](TomlFields& table) {
    MarkLimits limits;
    limits.source = table.text("source").value_or("");
    for (auto [key, target] :
         {std::pair{"bar_length_min_mm", &limits.bar_length_min_mm},
          std::pair{"bar_thickness_min_mm", &limits.bar_thickness_min_mm},
          std::pair{"edge_min_mm", &limits.edge_min_mm}, std::pair{"clear_beside_min_mm", &limits.clear_beside_min_mm},
          std::pair{"clear_above_min_mm", &limits.clear_above_min_mm},
          std::pair{"clear_below_min_mm", &limits.clear_below_min_mm}})
      if (table.has(key)) *target = table.number(key, 0, 100).value_or(0);
    profile.limits = limits;
  });
  if (fields.has("paint_over_source_marks"))
    profile.paint_over_source_marks = fields.flag("paint_over_source_marks").value_or(false);

  if (const auto v = fields.integer("fold_limit_sheets", 1)) profile.fold_limit_sheets = static_cast<int>(*v);
  if (const auto v = fields.integer("flat_limit_sheets", 1)) profile.flat_limit_sheets = static_cast<int>(*v);
  if (const auto v = fields.text("folded_envelope")) profile.folded_envelope = *v;
  if (const auto v = fields.text("flat_envelope")) profile.flat_envelope = *v;
  read_feeders(fields, profile, problems);
  with_table(fields, "control_files", false, [&](TomlFields& table) {
    for (auto [key, target] :
         {std::pair{"pieces", &profile.control_files.pieces}, std::pair{"sheets", &profile.control_files.sheets}})
      if (table.has(key))
        *target = table.choice<ControlFormat>(key, {{"csv", ControlFormat::csv}, {"fixed", ControlFormat::fixed}});
  });

  // Without a valid code the code-specific keys cannot be told from typos.
  if (code) fields.reject_unknown();
  if (problems.size() == problems_before) check_inserter(profile, in_file(file), problems);
  return profile;
}

}  // namespace kuvert

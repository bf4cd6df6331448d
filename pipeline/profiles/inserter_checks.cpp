#include "pipeline/profiles/inserter_checks.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>

#include "pipeline/model/din5008.hpp"
#include "pipeline/profiles/profile_readers.hpp"
#include "pipeline/profiles/toml_fields.hpp"

namespace kuvert {
namespace {

class Checker {
 public:
  Checker(const Where& file, std::vector<Diagnostic>& problems) : file_(file), problems_(problems) {}

  void problem(const std::string& field, std::string message) {
    Where where = file_;
    where.field = field;
    problems_.push_back({std::move(where), std::move(message)});
  }

 private:
  const Where& file_;
  std::vector<Diagnostic>& problems_;
};

std::string quoted(const char* text) { return std::string("\"") + text + "\""; }
std::string position_field(std::size_t i, const char* key) { return "positions[" + std::to_string(i) + "]." + key; }
std::string position_name(std::size_t i) { return "positions[" + std::to_string(i) + "]"; }
// Millimetres in messages, rounded to what a drawing shows.
std::string mm(double value) { return format_number(std::round(value * 1000) / 1000); }

void check_positions(const InserterProfile& profile, Checker& checker) {
  if (profile.positions.empty()) {
    checker.problem("positions", "is empty");
    return;
  }
  std::map<MarkFunction, std::size_t> single;  // functions that may appear once
  std::map<int, std::size_t> stations;
  std::map<int, std::size_t> weights;
  for (std::size_t i = 0; i < profile.positions.size(); ++i) {
    const MarkPosition& position = profile.positions[i];
    switch (position.function) {
      case MarkFunction::feeder: {
        const auto [it, fresh] = stations.try_emplace(position.feeder, i);
        if (!fresh)
          checker.problem(position_field(i, "station"),
                          "station " + std::to_string(position.feeder) + " is already at " + position_name(it->second));
        const bool loaded = std::any_of(profile.feeders.begin(), profile.feeders.end(),
                                        [&](const Feeder& f) { return f.station == position.feeder; });
        if (!loaded)
          checker.problem(position_field(i, "station"), "no [[feeder]] has station " + std::to_string(position.feeder));
        break;
      }
      case MarkFunction::sequence: {
        const auto [it, fresh] = weights.try_emplace(position.weight, i);
        if (!fresh)
          checker.problem(position_field(i, "weight"),
                          "weight " + std::to_string(position.weight) + " is already at " + position_name(it->second));
        break;
      }
      default: {
        const auto [it, fresh] = single.try_emplace(position.function, i);
        if (!fresh)
          checker.problem(position_field(i, "function"),
                          quoted(function_name(position.function)) + " is already at " + position_name(it->second));
        if (position.function == MarkFunction::parity && profile.parity == Parity::none)
          checker.problem(position_field(i, "function"), "\"parity\" needs parity = \"even\" or \"odd\"");
      }
    }
  }
  for (const auto function : {MarkFunction::start, MarkFunction::insert})
    if (!single.count(function))
      checker.problem("positions", std::string("has no ") + quoted(function_name(function)) + " position");
  if (profile.parity != Parity::none && !single.count(MarkFunction::parity))
    checker.problem("parity", std::string("is ") + (profile.parity == Parity::even ? "\"even\"" : "\"odd\"") +
                                  " but no position has function \"parity\"");

  // The sequence counts modulo 2^bits: weights 1, 2, 4, ... each once.
  int expected = 1;
  std::string got;
  bool gapless = true;
  for (const auto& [weight, index] : weights) {
    gapless = gapless && weight == expected;
    expected *= 2;
    if (!got.empty()) got += ", ";
    got += std::to_string(weight);
  }
  if (!gapless) checker.problem("positions", "the sequence weights must be 1, 2, 4, ... without gaps, got " + got);
}

void check_bars(const InserterProfile& profile, Checker& checker) {
  if (profile.bar_thickness_mm >= profile.pitch_mm)
    checker.problem("bar_thickness_mm", "must be less than pitch_mm (" + mm(profile.pitch_mm) + ") or bars touch");
  if (profile.positions.empty()) return;
  const double top = profile.first_mark_y_mm - profile.bar_thickness_mm / 2;
  const double bottom =
      profile.first_mark_y_mm + (profile.positions.size() - 1) * profile.pitch_mm + profile.bar_thickness_mm / 2;
  const double left = profile.bar_x_mm;
  const double right = profile.bar_x_mm + profile.bar_length_mm;
  const RectMm& zone = profile.clear_zone;
  if (left < zone.x || right > zone.x + zone.width || top < zone.y || bottom > zone.y + zone.height)
    checker.problem("clear_zone", "does not contain the marks (x " + mm(left) + " to " + mm(right) + " mm, y " +
                                      mm(top) + " to " + mm(bottom) + " mm)");
}

// A mark on a fold misreads: the marks (or a code's whole clear zone, the
// most its symbol may take) keep kFoldClearanceMm from every fold of the
// forms the profile is for.
constexpr double kFoldClearanceMm = 5;

void check_folds(const InserterProfile& profile, Checker& checker) {
  double top = profile.clear_zone.y, bottom = profile.clear_zone.y + profile.clear_zone.height;
  if (profile.code == CodeKind::omr) {
    if (profile.positions.empty()) return;
    top = profile.first_mark_y_mm - profile.bar_thickness_mm / 2;
    bottom = top + static_cast<double>(profile.positions.size() - 1) * profile.pitch_mm + profile.bar_thickness_mm;
  }
  for (const LetterForm form : profile.letter_forms)
    for (const double fold : din5008::geometry(form).fold_marks)
      if (top < fold + kFoldClearanceMm && bottom > fold - kFoldClearanceMm)
        checker.problem("letter_forms",
                        std::string(profile.code == CodeKind::omr ? "the marks" : "the code's clear zone") + " (y " +
                            mm(top) + " to " + mm(bottom) + " mm) come within " + mm(kFoldClearanceMm) +
                            " mm of the fold at " + mm(fold) + " mm of DIN 5008 form " +
                            (form == LetterForm::a ? "A" : "B") + "; a mark on a fold misreads");
}

// A C-fold tucks the foot panel inside the middle one, which needs room: a
// foot panel not this much shorter jams or bulges against the first fold.
constexpr double kWrapRoomMm = 2;

void check_wrap_fold(const InserterProfile& profile, Checker& checker) {
  if (profile.fold != LetterFold::c) return;
  for (const LetterForm form : profile.letter_forms) {
    const auto& folds = din5008::geometry(form).fold_marks;
    const double middle = folds[1] - folds[0], foot = kA4HeightMm - folds[1];
    if (foot > middle - kWrapRoomMm)
      checker.problem("fold", std::string("a C-fold of DIN 5008 form ") + (form == LetterForm::a ? "A" : "B") +
                                  " tucks its foot panel (" + mm(foot) + " mm) into a middle panel of " + mm(middle) +
                                  " mm; it needs " + mm(kWrapRoomMm) + " mm less (fold = \"Z\" for this form)");
  }
}

// The marks against the machine's documented limits ([limits]).
void check_limits(const InserterProfile& profile, Checker& checker) {
  if (!profile.limits || profile.positions.empty()) return;
  const MarkLimits& limits = *profile.limits;
  const std::string from = " (" + limits.source + ")";
  const auto at_least = [&](const char* key, const char* what, double value, double minimum) {
    if (value < minimum - 1e-9)
      checker.problem(key, std::string(what) + " " + mm(value) + " mm, less than the " + mm(minimum) +
                               " mm the machine needs" + from);
  };
  const RectMm& zone = profile.clear_zone;
  const double left = profile.bar_x_mm, right = left + profile.bar_length_mm;
  const double top = profile.first_mark_y_mm - profile.bar_thickness_mm / 2;
  const double bottom =
      top + static_cast<double>(profile.positions.size() - 1) * profile.pitch_mm + profile.bar_thickness_mm;
  at_least("bar_length_mm", "the bars are", profile.bar_length_mm, limits.bar_length_min_mm);
  at_least("bar_thickness_mm", "the bars are", profile.bar_thickness_mm, limits.bar_thickness_min_mm);
  at_least("bar_x_mm", "the bars end", std::min(left, kA4WidthMm - right), limits.edge_min_mm);
  at_least("clear_zone", "the clear zone leaves beside the bars", std::min(left - zone.x, zone.x + zone.width - right),
           limits.clear_beside_min_mm);
  at_least("clear_zone", "the clear zone leaves above the first bar", top - zone.y, limits.clear_above_min_mm);
  at_least("clear_zone", "the clear zone leaves below the last bar", zone.y + zone.height - bottom,
           limits.clear_below_min_mm);
}

void check_code(const InserterProfile& profile, Checker& checker) {
  const RectMm& zone = profile.clear_zone;
  const double module = profile.module_mm;
  // A DataMatrix needs a quiet zone of one module on every side; the
  // smallest symbol has 10 x 10 modules. Larger payloads are checked when
  // the code is drawn.
  if (profile.code_x_mm - zone.x < module || profile.code_y_mm - zone.y < module)
    checker.problem("clear_zone",
                    "leaves less than one module (" + mm(module) + " mm) of quiet zone left of or above the code");
  if (zone.x + zone.width - profile.code_x_mm < 11 * module || zone.y + zone.height - profile.code_y_mm < 11 * module)
    checker.problem("clear_zone", "has no room for a 10 x 10 module code and its quiet zone at (code_x_mm, code_y_mm)");
}

void check_feeders(const InserterProfile& profile, Checker& checker) {
  std::map<std::string, std::size_t> names;
  std::map<int, std::size_t> stations;
  for (std::size_t i = 0; i < profile.feeders.size(); ++i) {
    const Feeder& feeder = profile.feeders[i];
    const std::string at = "feeder[" + std::to_string(i) + "]";
    if (const auto [it, fresh] = names.try_emplace(feeder.name, i); !fresh)
      checker.problem(at + ".name", "\"" + feeder.name + "\" is already at feeder[" + std::to_string(it->second) + "]");
    if (const auto [it, fresh] = stations.try_emplace(feeder.station, i); !fresh)
      checker.problem(at + ".station", "station " + std::to_string(feeder.station) + " is already at feeder[" +
                                           std::to_string(it->second) + "]");
    // An OMR code can only call a feeder it has a bar for; an insert from
    // any other station would be charged and listed but never pulled.
    const bool marked = std::any_of(profile.positions.begin(), profile.positions.end(), [&](const MarkPosition& p) {
      return p.function == MarkFunction::feeder && p.feeder == feeder.station;
    });
    if (profile.code == CodeKind::omr && !marked)
      checker.problem(at + ".station", "station " + std::to_string(feeder.station) +
                                           " has no feeder position in positions, so its insert could never be pulled");
  }
}

}  // namespace

const char* function_name(MarkFunction function) {
  switch (function) {
    case MarkFunction::start:
      return "start";
    case MarkFunction::insert:
      return "insert";
    case MarkFunction::feeder:
      return "feeder";
    case MarkFunction::sequence:
      return "sequence";
    case MarkFunction::parity:
      return "parity";
    case MarkFunction::divert:
      return "divert";
    case MarkFunction::stop:
      return "stop";
    case MarkFunction::safety:
      return "safety";
  }
  return "?";
}

void check_inserter(const InserterProfile& profile, const Where& file, std::vector<Diagnostic>& problems) {
  Checker checker(file, problems);
  const RectMm& zone = profile.clear_zone;
  if (zone.x + zone.width > kA4WidthMm || zone.y + zone.height > kA4HeightMm)
    checker.problem("clear_zone", "reaches beyond the A4 sheet (210 x 297 mm)");
  if (profile.code == CodeKind::omr) {
    check_positions(profile, checker);
    check_bars(profile, checker);
    check_limits(profile, checker);
  } else {
    check_code(profile, checker);
  }
  check_folds(profile, checker);
  check_wrap_fold(profile, checker);
  check_feeders(profile, checker);
  if (profile.flat_limit_sheets < profile.fold_limit_sheets)
    checker.problem("flat_limit_sheets", "must be at least fold_limit_sheets (" +
                                             std::to_string(profile.fold_limit_sheets) + "), got " +
                                             std::to_string(profile.flat_limit_sheets));
}

}  // namespace kuvert

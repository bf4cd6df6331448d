#include "stages/ingest/settings_check.hpp"

#include <algorithm>

namespace kuvert {
namespace {

template <typename Map>
std::string known(const Map& map, const std::string& also = "") {
  std::string names = also;
  for (const auto& entry : map) {
    if (!names.empty()) names += ", ";
    names += entry.first;
  }
  return " (known: " + names + ")";
}

}  // namespace

std::string form_problem(const InserterProfile& inserter, LetterForm form) {
  const auto& forms = inserter.letter_forms;
  if (std::find(forms.begin(), forms.end(), form) != forms.end()) return "";
  const bool a = form == LetterForm::a;
  return std::string("inserter profile \"") + inserter.name + "\" is not set for DIN 5008 form " + (a ? "A" : "B") +
         " (folds at " + (a ? "87 and 192" : "105 and 210") +
         " mm), which the letters need so that the address faces the window; see its letter_forms";
}

std::vector<std::pair<std::string, std::string>> settings_problems(const ProductionSettings& s,
                                                                   const ProfileCatalog& profiles,
                                                                   std::optional<LetterForm> form) {
  std::vector<std::pair<std::string, std::string>> problems;
  if (!profiles.papers.count(s.paper))
    problems.emplace_back("paper", "unknown paper \"" + s.paper + "\"" + known(profiles.papers));
  if (s.envelope != "auto" && !profiles.envelopes.count(s.envelope))
    problems.emplace_back("envelope", "unknown envelope \"" + s.envelope + "\"" + known(profiles.envelopes, "auto"));
  const auto inserter = profiles.inserters.find(s.inserter);
  if (inserter == profiles.inserters.end()) {
    problems.emplace_back("inserter", "unknown inserter profile \"" + s.inserter + "\"" + known(profiles.inserters));
    return problems;
  }
  for (const auto& insert : s.inserts)
    if (!inserter->second.feeder(insert))
      problems.emplace_back("inserts", "\"" + insert + "\" is not a feeder station of inserter \"" + s.inserter + "\"");
  if (form) {
    std::string problem = form_problem(inserter->second, *form);
    if (!problem.empty()) problems.emplace_back("inserter", std::move(problem));
  }
  return problems;
}

}  // namespace kuvert

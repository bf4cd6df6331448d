#pragma once
// The salutation a recipient gets under a layout's rules
// (pipeline/model/letter_layout.hpp, SalutationRules):
//   "Frau", "Dr. Erika Süß"                    -> Sehr geehrte Frau Dr. Süß,
//   "Herrn Mehmet Öztürk"                      -> Sehr geehrter Herr Öztürk,
//   "Frau Adelheid Freifrau von Musterstein"   -> Sehr geehrte Frau Freifrau von Musterstein,
//   "Herrn Müller, Hans"                       -> Sehr geehrter Herr Müller,
//   "Erbengemeinschaft nach ...", "... GmbH"   -> the fallback
#include <string>
#include <vector>

#include "pipeline/model/letter_layout.hpp"

namespace kuvert::compose {

std::string salutation_for(const SalutationRules& rules, const std::vector<std::string>& name_lines);

}  // namespace kuvert::compose

#pragma once
#include <map>
#include <string>

#include "pipeline/model/envelope_profile.hpp"
#include "pipeline/model/inserter_profile.hpp"
#include "pipeline/model/paper_profile.hpp"
#include "pipeline/model/tariff.hpp"

namespace kuvert {

// Every profile a job may name, loaded from layouts/ and validated.
struct ProfileCatalog {
  std::map<std::string, PaperProfile> papers;
  std::map<std::string, EnvelopeProfile> envelopes;
  std::map<std::string, InserterProfile> inserters;
  Tariff tariff;  // the one in force on the production date
};

}  // namespace kuvert

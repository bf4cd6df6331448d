#pragma once
// Readers of the single files under layouts/, used by load_profiles. Each
// takes one parsed TOML document, records every problem it finds with
// Where::file = file and returns what it could read; the caller throws
// once all files are read. Checks that need another file (an inserter's
// envelopes) are load_profiles' business.
#include <toml++/toml.h>

#include <map>
#include <string>
#include <vector>

#include "pipeline/model/a4_sheet.hpp"
#include "pipeline/model/envelope_profile.hpp"
#include "pipeline/model/error.hpp"
#include "pipeline/model/inserter_profile.hpp"
#include "pipeline/model/paper_profile.hpp"
#include "pipeline/model/tariff.hpp"

namespace kuvert {

// papers.toml: one table per paper stock, named by its key.
std::map<std::string, PaperProfile> read_papers(const toml::table& document, const std::string& file,
                                                std::vector<Diagnostic>& problems);
// envelopes.toml: one table per envelope stock, named by its key.
std::map<std::string, EnvelopeProfile> read_envelopes(const toml::table& document, const std::string& file,
                                                      std::vector<Diagnostic>& problems);
// inserters/NAME.toml.
InserterProfile read_inserter(const toml::table& document, const std::string& name, const std::string& file,
                              std::vector<Diagnostic>& problems);
// tariffs/*.toml.
Tariff read_tariff(const toml::table& document, const std::string& file, std::vector<Diagnostic>& problems);

}  // namespace kuvert

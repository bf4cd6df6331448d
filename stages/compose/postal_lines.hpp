#pragma once
// The lines of a recipient's address as DIN 5008 writes them: name lines,
// street, postcode and town; for mail abroad the town in capitals and the
// country alone on the last line, in capitals, in German ("ÖSTERREICH").
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/model/recipient.hpp"

namespace kuvert::compose {

// `country_names`: the German name by ISO 3166-1 code (layouts/countries.toml).
// nullopt when the recipient's country is not among them (then the caller
// reports the record's recipient.country).
std::optional<std::vector<std::string>> postal_lines(const Recipient& recipient,
                                                    const std::map<std::string, std::string>& country_names);

// Upper case for the Latin letters of addresses (ASCII, Latin-1, Latin
// Extended-A); "ß" becomes "SS". Other characters stay as they are.
std::string upper_case(const std::string& text);

}  // namespace kuvert::compose

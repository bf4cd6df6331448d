#pragma once
// The lines of a recipient's address as DIN 5008 writes them: name lines,
// street, postcode and town; for mail abroad the town in capitals and the
// country alone on the last line, in capitals, in German ("ÖSTERREICH").
#include <optional>
#include <string>
#include <vector>

#include "pipeline/model/recipient.hpp"

namespace kuvert::compose {

// nullopt when the country code is not in kuvert's table of German country
// names (then the caller reports the record's recipient.country).
std::optional<std::vector<std::string>> postal_lines(const Recipient& recipient);

// Upper case for the Latin letters of addresses (ASCII, Latin-1, Latin
// Extended-A); "ß" becomes "SS". Other characters stay as they are.
std::string upper_case(const std::string& text);

}  // namespace kuvert::compose

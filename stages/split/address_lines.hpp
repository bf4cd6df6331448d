#pragma once
// A recipient as a print file's address field shows it, taken apart into
// what a job manifest gives (DIN 5008): the name lines, the street, the
// postcode and town, and, abroad, the country's name in capitals as the
// last line (layouts/countries.toml). Pure.
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "pipeline/model/recipient.hpp"

namespace kuvert::split {

// How addresses are written: the countries' names (layouts/countries.toml)
// and the forms of postcodes abroad of more than one word
// (layouts/postcodes.toml), by ISO code.
struct AddressConventions {
  std::map<std::string, std::string> country_names;
  std::map<std::string, std::string> postcode_forms;
};

// The recipient, or why the lines are none: fewer than three (a name, a
// street, a town), or a domestic town line without a five-digit postcode
// in front. Throws std::regex_error for a postcode form that is no regular
// expression (the layouts are checked when they are loaded).
std::variant<Recipient, std::string> recipient_of(const std::vector<std::string>& lines,
                                                  const AddressConventions& conventions);

}  // namespace kuvert::split

#pragma once
// A recipient as a print file's address field shows it, taken apart into
// what a job manifest gives (DIN 5008): the name lines, the street, the
// postcode and town, and, abroad, the country's name in capitals as the
// last line (layouts/countries.toml). Pure.
#include <map>
#include <regex>
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

class AddressReader {
 public:
  // Throws std::regex_error for a postcode form that is no regular
  // expression (the layouts are checked when they are loaded).
  explicit AddressReader(const AddressConventions& conventions);

  // The recipient, or why the lines are none: fewer than three (a name, a
  // street, a town), or a domestic town line without a five-digit postcode
  // in front.
  std::variant<Recipient, std::string> recipient(const std::vector<std::string>& lines) const;

 private:
  std::map<std::string, std::string> country_names_;
  std::map<std::string, std::regex> postcode_forms_;
};

}  // namespace kuvert::split

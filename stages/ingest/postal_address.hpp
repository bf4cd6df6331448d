#pragma once
#include <optional>
#include <string>
#include <vector>

#include "pipeline/model/recipient.hpp"

namespace kuvert {

// The lines a recipient occupies in the address field: name lines, street,
// postcode and town, and for foreign mail the country on a line of its own.
std::size_t recipient_line_count(const Recipient& recipient);

// What is wrong with a German postcode, or nothing.
std::optional<std::string> german_postcode_problem(const std::string& postcode);

// Whether `code` is an ISO 3166-1 alpha-2 code in use ("DE", "AT").
bool is_country_code(const std::string& code);

// Every problem of a recipient, as (field, message) pairs.
std::vector<std::pair<std::string, std::string>> recipient_problems(const Recipient& recipient);

}  // namespace kuvert

#pragma once
// The members' monthly accounts (`kuvert report clients`, the console's
// report): one row per client, as CSV for the accounts office.
#include <string>
#include <vector>

#include "pipeline/model/client_account.hpp"

namespace kuvert {

// A header, then a row per client (neutralised for spreadsheets): the
// month, the counts, postage in cents in all, then pieces and cents per
// postage product that any client used that month.
std::string client_report_csv(const std::string& month, const std::vector<ClientAccount>& accounts);

}  // namespace kuvert

#include "stages/deliver/client_report.hpp"

#include <set>

#include "stages/deliver/csv_text.hpp"

namespace kuvert {

std::string client_report_csv(const std::string& month, const std::vector<ClientAccount>& accounts) {
  std::set<std::string> products;
  for (const auto& account : accounts)
    for (const auto& line : account.postage) products.insert(line.product);
  const auto product_name = [](const std::string& product) { return product.empty() ? "no product" : product; };
  std::vector<std::string> header = {"month",          "client",           "documents",        "pieces",
                                     "sheets",         "print_pages",      "scan_pages",       "inserts",
                                     "manual_pieces",  "reprinted_pieces", "reprinted_sheets", "postage_cents",
                                     "unpriced_pieces"};
  for (const auto& product : products) {
    header.push_back("pieces " + product_name(product));
    header.push_back("postage_cents " + product_name(product));
  }
  std::string csv = csv_row(header);
  for (const auto& account : accounts) {
    std::int64_t unpriced = 0;
    for (const auto& line : account.postage) unpriced += line.unpriced;
    std::vector<std::string> row = {month,
                                    account.client,
                                    std::to_string(account.documents),
                                    std::to_string(account.pieces),
                                    std::to_string(account.sheets),
                                    std::to_string(account.print_pages),
                                    std::to_string(account.scan_pages),
                                    std::to_string(account.inserts),
                                    std::to_string(account.manual_pieces),
                                    std::to_string(account.reprinted_pieces),
                                    std::to_string(account.reprinted_sheets),
                                    std::to_string(account.postage_cents()),
                                    std::to_string(unpriced)};
    for (const auto& product : products) {
      std::int64_t pieces = 0, cents = 0;
      for (const auto& line : account.postage)
        if (line.product == product) pieces = line.pieces, cents = line.cents;
      row.push_back(std::to_string(pieces));
      row.push_back(std::to_string(cents));
    }
    csv += csv_row(row);
  }
  return csv;
}

}  // namespace kuvert

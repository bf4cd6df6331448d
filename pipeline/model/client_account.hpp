#pragma once
// What the centre did for one member municipality (client) in a period,
// for its accounts (issue 17): documents, pieces, sheets, pages printed
// and scanned, inserts, pieces handled by hand, reprints, and postage by
// product to the cent.
#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

namespace kuvert {

struct ProductPostage {
  std::string product;  // "" for pieces no product fitted
  std::int64_t pieces = 0;
  std::int64_t cents = 0;     // of the pieces whose postage is known
  std::int64_t unpriced = 0;  // pieces whose postage is not known
};

struct ClientAccount {
  std::string client;
  std::int64_t documents = 0;
  std::int64_t pieces = 0;
  std::int64_t sheets = 0;
  std::int64_t print_pages = 0;  // as the runs' tickets count them (blank backs too)
  std::int64_t scan_pages = 0;   // archived by scan batches
  std::int64_t inserts = 0;
  std::int64_t manual_pieces = 0;  // handled by hand
  std::int64_t reprinted_pieces = 0;
  std::int64_t reprinted_sheets = 0;
  std::vector<ProductPostage> postage;  // by product

  std::int64_t postage_cents() const {
    return std::accumulate(postage.begin(), postage.end(), std::int64_t{0},
                           [](std::int64_t sum, const ProductPostage& line) { return sum + line.cents; });
  }
};

}  // namespace kuvert

#pragma once
#include <string>
#include <vector>

namespace kuvert {

// Where a product may be sent: within Germany or abroad.
enum class Destination { domestic, international };

// A postage product (layouts/tariffs/*.toml). Limits are inclusive.
struct PostageProduct {
  std::string name;  // "Standardbrief"
  double max_weight_g = 0;
  double max_thickness_mm = 0;
  double min_length_mm = 0, max_length_mm = 0;  // longer envelope side
  double min_width_mm = 0, max_width_mm = 0;    // shorter envelope side
  long price_cents = 0;
  Destination destination = Destination::domestic;
};

// Products from cheapest to dearest within each destination, valid from a
// date (ISO "2025-01-01").
struct Tariff {
  std::string name;
  std::string valid_from;
  std::string currency = "EUR";
  std::vector<PostageProduct> products;
};

}  // namespace kuvert

#pragma once
// One line of a posting list (Einlieferungsliste): the pieces a client
// handed to the postal service on a day, of one postage product, weight
// class and destination, with their postage.
#include <cstdint>
#include <string>

namespace kuvert {

struct PostingLine {
  std::string client;
  std::string product;       // "" when no product fitted (handled by hand)
  std::string weight_class;  // "bis 20 g", "bis 50 g", "bis 500 g", "bis 1000 g", "über 1000 g"
  bool international = false;
  std::int64_t pieces = 0;
  std::int64_t cents = 0;     // postage of the pieces whose postage is known
  std::int64_t unpriced = 0;  // pieces whose postage is not known
};

}  // namespace kuvert

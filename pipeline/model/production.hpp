#pragma once
#include <string>
#include <vector>

namespace kuvert {

enum class Sides { simplex, duplex };

// How a document is to be produced. A job's `defaults` fill these, and each
// document may override any of them.
struct ProductionSettings {
  std::string paper = "a4-80";
  Sides sides = Sides::duplex;
  std::string inserter = "generic-omr";
  std::string envelope = "auto";
  bool consolidate = true;
  std::vector<std::string> inserts;  // feeder station names, e.g. "feeder-1"
  bool sensitive = false;
  friend bool operator==(const ProductionSettings&, const ProductionSettings&) = default;
};

}  // namespace kuvert

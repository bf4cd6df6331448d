#include "pipeline/model/cbor_shape.hpp"

#include <cstdint>
#include <limits>
#include <vector>

namespace kuvert {

std::string cbor_shape_problem(std::string_view bytes, std::size_t depth, std::size_t items) {
  constexpr std::uint64_t kIndefinite = std::numeric_limits<std::uint64_t>::max();
  // The items still to come in each array, map or tag open; kIndefinite
  // for those a break ends.
  std::vector<std::uint64_t> open;
  std::size_t at = 0, count = 0;
  const auto left = [&] { return static_cast<std::uint64_t>(bytes.size() - at); };
  // The item just read is complete, and so perhaps the containers it ends.
  const auto complete = [&] {
    while (!open.empty() && open.back() != kIndefinite) {
      if (--open.back() > 0) return;
      open.pop_back();
    }
  };
  do {
    if (at == bytes.size()) return "ends within an item";
    const auto initial = static_cast<unsigned char>(bytes[at++]);
    if (initial == 0xff) {
      if (open.empty() || open.back() != kIndefinite) return "has a break outside an array, map or string";
      open.pop_back();
      complete();
      continue;
    }
    if (++count > items) return "has more than " + std::to_string(items) + " items";
    const unsigned major = initial >> 5, info = initial & 31u;
    std::uint64_t value = info;
    bool indefinite = false;
    if (info >= 24 && info <= 27) {
      const std::size_t size = std::size_t{1} << (info - 24);
      if (left() < size) return "ends within an item's head";
      value = 0;
      for (std::size_t i = 0; i < size; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[at++]);
    } else if (info == 31 && major >= 2 && major <= 5) {
      indefinite = true;
    } else if (info >= 28) {
      return "has an item head CBOR does not define";
    }
    switch (major) {
      case 2:
      case 3:  // strings: their bytes, or chunks until a break
        if (indefinite) {
          open.push_back(kIndefinite);
        } else {
          if (value > left()) return "has a string longer than the bytes left";
          at += static_cast<std::size_t>(value);
          complete();
        }
        break;
      case 4:
      case 5:  // arrays and maps: each item at least a byte
        if (indefinite) {
          open.push_back(kIndefinite);
        } else if (value > left() / (major == 5 ? 2 : 1)) {
          return "has an array or map of more items than the bytes left";
        } else if (value == 0) {
          complete();
        } else {
          open.push_back(major == 5 ? 2 * value : value);
        }
        break;
      case 6:  // a tag: the item it tags follows
        open.push_back(1);
        break;
      default:  // numbers and simple values
        complete();
    }
    if (open.size() > depth) return "nests deeper than " + std::to_string(depth);
  } while (!open.empty());
  return "";
}

}  // namespace kuvert

#include "pipeline/plan/presort.hpp"

#include <catch2/catch.hpp>

#include "pipeline/plan/test_catalog.hpp"

using namespace kuvert;
using namespace kuvert::plan_test;

namespace {

MailPiece tagged(const std::string& tag, const std::string& postcode, const std::string& country = "DE") {
  MailPiece p = piece_of(1, at_postcode(postcode, country));
  p.id = tag;
  return p;
}

// The tags of `pieces` in presorted order.
std::vector<std::string> presorted(const std::vector<MailPiece>& pieces) {
  std::vector<std::size_t> order(pieces.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  presort(order, pieces);
  std::vector<std::string> out;
  for (const auto index : order) out.push_back(pieces[index].id);
  return out;
}

}  // namespace

TEST_CASE("leitregion is the first two digits of the postcode", "[plan][presort]") {
  CHECK(leitregion("39104") == "39");
  CHECK(leitregion("01067") == "01");
}

TEST_CASE("presort puts domestic mail first by postcode and foreign mail last by country", "[plan][presort]") {
  std::vector<MailPiece> pieces{
      tagged("a", "39104"),      tagged("b", "1010", "AT"), tagged("c", "01067"), tagged("d", "8001", "CH"),
      tagged("e", "39104"),      tagged("f", "1010", "AT"), tagged("g", "10115"), tagged("h", "75001", "FR"),
      tagged("i", "4020", "AT"), tagged("j", "39011"),      tagged("k", "10115"),
  };
  CHECK(presorted(pieces) == std::vector<std::string>{"c", "g", "k", "j", "a", "e", "b", "f", "i", "d", "h"});
}

TEST_CASE("presort keeps the delivery order of equal postcodes", "[plan][presort]") {
  std::vector<MailPiece> pieces{tagged("1", "39104"), tagged("2", "39104"), tagged("3", "39104"), tagged("4", "39104")};
  CHECK(presorted(pieces) == std::vector<std::string>{"1", "2", "3", "4"});
}

TEST_CASE("presort of no pieces is no pieces", "[plan][presort]") {
  CHECK(presorted({}).empty());
}

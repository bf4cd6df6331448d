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

std::vector<std::string> tags(const std::vector<MailPiece>& pieces) {
  std::vector<std::string> out;
  for (const auto& p : pieces) out.push_back(p.id);
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
  presort(pieces);
  CHECK(tags(pieces) == std::vector<std::string>{"c", "g", "k", "j", "a", "e", "b", "f", "i", "d", "h"});
}

TEST_CASE("presort keeps the delivery order of equal postcodes", "[plan][presort]") {
  std::vector<MailPiece> pieces{tagged("1", "39104"), tagged("2", "39104"), tagged("3", "39104"), tagged("4", "39104")};
  presort(pieces);
  CHECK(tags(pieces) == std::vector<std::string>{"1", "2", "3", "4"});
}

TEST_CASE("presort of no pieces is no pieces", "[plan][presort]") {
  std::vector<MailPiece> pieces;
  presort(pieces);
  CHECK(pieces.empty());
}
